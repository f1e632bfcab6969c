import type { EnvReader } from '../platform/env-reader.js';

export interface DeclarationsConfig {
  /** Declarations, their receipts, visits, follow-up and checks are deleted this long after they were made. */
  retentionSeconds: number;
  /** Declarations accepted per client address per window (in memory, per process). */
  submitRateLimit: number;
  submitRateWindowSeconds: number;
  /** Receipt look-ups per official per minute: a checkpoint scans people one by one, a guesser would not. */
  receiptLookupRateLimit: number;
  /** How often the retention job runs. */
  purgeEverySeconds: number;
}

// The floor: a receipt is valid 14 days, and an arrival's monitoring lasts 14 days; neither may outlive its data.
const DAY = 86_400;

export function readDeclarationsConfig(env: EnvReader): DeclarationsConfig {
  return {
    retentionSeconds: env.duration('BLUEZONE_DECLARATION_RETENTION', 30 * DAY, { min: 14 * DAY, max: 365 * DAY }),
    // Many people share one address behind a mobile operator's NAT, so the default is generous.
    submitRateLimit: env.int('BLUEZONE_DECLARATION_RATE_LIMIT', 60, { min: 1, max: 1_000_000 }),
    submitRateWindowSeconds: env.duration('BLUEZONE_DECLARATION_RATE_WINDOW', 600, { min: 1, max: DAY }),
    receiptLookupRateLimit: env.int('BLUEZONE_RECEIPT_LOOKUP_RATE_LIMIT', 60, { min: 1, max: 100_000 }),
    purgeEverySeconds: env.duration('BLUEZONE_DECLARATION_PURGE_EVERY', 3600, { min: 60, max: DAY }),
  };
}
