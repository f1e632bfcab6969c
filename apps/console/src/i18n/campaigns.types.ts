import type { campaignsVi } from './campaigns.vi.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The campaign messages' shape: the same keys in every language, any wording. */
export type CampaignMessages = Widen<typeof campaignsVi>;
