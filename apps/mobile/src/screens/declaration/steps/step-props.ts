import type { Place, PlaceScope } from '@bluezone/contract';
import type { DeclarationDraft } from '../../../declaration/declaration-draft';

/** Sets one answer of the draft; `path`, the field's path in the server's terms, clears its problem. */
export type EditDraft = <K extends keyof DeclarationDraft>(key: K, value: DeclarationDraft[K], path?: string) => void;

/** What every step of the declaration form is drawn from. */
export interface StepProps {
  draft: DeclarationDraft;
  edit: EditDraft;
  /** The problem of a field, in the app's language, if it has one. */
  errorOf: (path: string) => string | undefined;
  search: (q: string, scope: PlaceScope) => Promise<Place[]>;
}
