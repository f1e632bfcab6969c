import type { EnvReader } from '../platform/env-reader.js';

export interface NoticesConfig {
  /** How many live notices the app's inbox receives, newest first. */
  appListLength: number;
}

export function readNoticesConfig(env: EnvReader): NoticesConfig {
  // One short answer that every phone fetches: 50 notices of 4,000 characters is about 200 kB at most, and a province
  // that publishes more than that withdraws the old ones.
  return { appListLength: env.int('BLUEZONE_APP_NOTICES', 50, { min: 1, max: 200 }) };
}
