import type { EnvReader } from '../platform/env-reader.js';

export interface PlacesConfig {
  /** Searches allowed per client address per minute (in memory, per process); the public form searches as people type. */
  searchRateLimit: number;
}

export function readPlacesConfig(env: EnvReader): PlacesConfig {
  return { searchRateLimit: env.int('BLUEZONE_PLACES_RATE_LIMIT', 120, { min: 1, max: 1_000_000 }) };
}
