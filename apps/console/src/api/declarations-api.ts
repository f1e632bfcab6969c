import type {
  AddCheckRequest,
  CheckpointView,
  CreateEpidemicAreaRequest,
  Declaration,
  DeclarationFilter,
  DeclarationStatsQuery,
  DeclarationStatsResponse,
  DeclarationSummary,
  EpidemicArea,
  EpidemicAreaResponse,
  HealthStationSettings,
  ListDeclarationsResponse,
  ListEpidemicAreasResponse,
  Place,
  PlaceScope,
  SelfReportCheckRequest,
  SelfReportKeyResponse,
  SelfReportRequest,
  SelfReportStatus,
  SubmitDeclarationRequest,
  SubmitDeclarationResponse,
  UpdateDeclarationRequest,
  UpdateEpidemicAreaRequest,
} from '@bluezone/contract';
import type { ApiClient } from './client.js';
import type { Page } from './types.js';

const V1 = '/api/v1';

/** Where a unit's list of declarations is downloaded from; the same filters as the list. */
export const DECLARATIONS_EXPORT_PATH = `${V1}/declarations/export.xlsx`;

const page = <T>(items: T[], nextCursor: string | null | undefined): Page<T> => ({ items, nextCursor: nextCursor ?? null });
const id = (value: string | number) => encodeURIComponent(String(value));

/** The public calls of the declaration pages: no session, no CSRF token (they change nothing of an official's). */
export function publicDeclarationCalls(client: ApiClient) {
  return {
    searchPlaces: async (q: string, scope: PlaceScope): Promise<Place[]> => (await client.get<{ places: Place[] }>(`${V1}/places`, { q, scope, limit: 8 })).places,
    place: (code: string) => client.get<Place>(`${V1}/places/${id(code)}`),
    submitDeclaration: (request: SubmitDeclarationRequest) => client.post<SubmitDeclarationResponse>(`${V1}/declarations`, request),
    selfReportStatus: async (credentials: SelfReportRequest) => (await client.post<{ status: SelfReportStatus }>(`${V1}/declarations/self-report`, credentials)).status,
    selfReport: async (report: SelfReportCheckRequest) => (await client.post<{ status: SelfReportStatus }>(`${V1}/declarations/self-report/checks`, report)).status,
  };
}

/** The officials' calls: queues, follow-up, the checkpoint, epidemic areas and counts. */
export function declarationCalls(client: ApiClient) {
  return {
    ...publicDeclarationCalls(client),
    declarations: async (filter: DeclarationFilter, cursor?: string): Promise<Page<DeclarationSummary>> => {
      const answer = await client.get<ListDeclarationsResponse>(`${V1}/declarations`, { ...filter, cursor });
      return page(answer.declarations, answer.nextCursor);
    },
    declarationsExport: (filter: DeclarationFilter) => client.download(DECLARATIONS_EXPORT_PATH, { ...filter }),
    declaration: async (declarationId: number) => (await client.get<{ declaration: Declaration }>(`${V1}/declarations/${id(declarationId)}`)).declaration,
    updateDeclaration: async (declarationId: number, changes: UpdateDeclarationRequest) =>
      (await client.patch<{ declaration: Declaration }>(`${V1}/declarations/${id(declarationId)}`, changes)).declaration,
    addCheck: async (declarationId: number, check: AddCheckRequest) =>
      (await client.post<{ declaration: Declaration }>(`${V1}/declarations/${id(declarationId)}/checks`, check)).declaration,
    newSelfReportKey: (declarationId: number) => client.post<SelfReportKeyResponse>(`${V1}/declarations/${id(declarationId)}/self-report-key`, {}),
    byReceipt: async (receipt: string) => (await client.get<{ declaration: CheckpointView }>(`${V1}/declarations/by-receipt/${id(receipt)}`)).declaration,
    declarationStats: (query: DeclarationStatsQuery) => client.get<DeclarationStatsResponse>(`${V1}/declarations/stats`, { ...query }),
    healthStation: (unitCode: string) => client.get<HealthStationSettings>(`${V1}/health-stations/${id(unitCode)}`),
    setHealthStation: (unitCode: string, phone: string) => client.request<HealthStationSettings>('PUT', `${V1}/health-stations/${id(unitCode)}`, { body: { phone } }),

    epidemicAreas: async (on: string | undefined, cursor?: string): Promise<Page<EpidemicArea>> => {
      const answer = await client.get<ListEpidemicAreasResponse>(`${V1}/epidemic-areas`, { on, cursor });
      return page(answer.areas, answer.nextCursor);
    },
    createEpidemicArea: (area: CreateEpidemicAreaRequest) => client.post<EpidemicAreaResponse>(`${V1}/epidemic-areas`, area),
    updateEpidemicArea: (areaId: number, changes: UpdateEpidemicAreaRequest) => client.patch<EpidemicAreaResponse>(`${V1}/epidemic-areas/${id(areaId)}`, changes),
    removeEpidemicArea: (areaId: number) => client.request<EpidemicAreaResponse>('DELETE', `${V1}/epidemic-areas/${id(areaId)}`),
  };
}
