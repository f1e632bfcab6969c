/**
 * A description read by people in both of the project's languages, Vietnamese first: field descriptions of the API
 * document (`/api/v1/openapi.json`) are written with it, so a province's integrator reads them in either language.
 */
export function bilingual(vi: string, en: string): string {
  return `${vi} — ${en}`;
}
