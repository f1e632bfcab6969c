/** What the home screen says about exposures. */
export interface ExposureStatus {
  /** `high`: a close contact (F1) by the risk configuration; `low`: a contact worth knowing of; `none`. */
  level: 'none' | 'low' | 'high';
  /** UTC day (YYYY-MM-DD) of the most recent day at that level; the app never tells more than the day. */
  day: string | null;
  /** Days already warned of, so that no check warns twice for one day. */
  notifiedDays: string[];
}

export const NO_EXPOSURE: ExposureStatus = { level: 'none', day: null, notifiedDays: [] };

/** The last check: when, and how it ended. */
export interface ExposureCheckRecord {
  /** Unix ms of the phone's clock. */
  at: number;
  ok: boolean;
  /** Why it failed: an ApiError code, `export_signature_invalid`, `export_keys_replaced`, ... */
  error?: string;
  filesChecked: number;
}
