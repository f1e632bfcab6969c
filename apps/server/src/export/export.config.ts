import type { BaseConfig } from '../platform/base-config.js';
import type { EnvReader } from '../platform/env-reader.js';

export interface ExportConfig {
  /** Region written in every file and used as the folder under the exports directory (BLUEZONE_REGION). */
  region: string;
  /** Where files are written; served at /exports/. */
  exportsDir: string;
  /** Length of a batch window; windows align to multiples of it (unix time). 0: the worker does not run. */
  periodSeconds: number;
  /**
   * A window is cut only this long after it ends, so a key whose publish transaction was still committing at the
   * window's end is in the database when the window is read (otherwise it would fall between two batches).
   */
  settleSeconds: number;
  /** Each batch is padded with random keys up to minKeys + a random 0..paddingJitter, so its size reveals no one. */
  minKeys: number;
  paddingJitter: number;
  /** A batch with more keys is split into several files (batch_num of batch_size). */
  maxKeysPerFile: number;
  /** Files whose window ended longer ago leave index.txt and the disk. */
  fileRetentionSeconds: number;
  /** Keys whose last interval ended longer ago leave the database. */
  keyRetentionSeconds: number;
}

// Privacy floors and ceilings the configuration cannot cross: keys are useless to phones after 14 days (EN keeps
// 14 days of sightings) and must not be kept much longer; padding below 100 keys would let a small batch be counted.
const DAY = 86400;

export function readExportConfig(env: EnvReader, base: BaseConfig): ExportConfig {
  const config: ExportConfig = {
    region: base.region,
    exportsDir: base.exportsDir,
    periodSeconds: env.duration('BLUEZONE_EXPORT_PERIOD', 3600, { min: 0, max: DAY }),
    settleSeconds: env.duration('BLUEZONE_EXPORT_SETTLE', 10, { min: 0, max: 3600 }),
    minKeys: env.int('BLUEZONE_EXPORT_MIN_KEYS', 1000, { min: 100, max: 1_000_000 }),
    paddingJitter: env.int('BLUEZONE_EXPORT_PADDING_JITTER', 100, { min: 0, max: 100_000 }),
    maxKeysPerFile: env.int('BLUEZONE_EXPORT_MAX_KEYS_PER_FILE', 100_000, { min: 1000, max: 1_000_000 }),
    fileRetentionSeconds: env.duration('BLUEZONE_EXPORT_RETENTION', 14 * DAY, { min: DAY, max: 30 * DAY }),
    keyRetentionSeconds: env.duration('BLUEZONE_KEY_RETENTION', 14 * DAY, { min: DAY, max: 30 * DAY }),
  };
  if (config.periodSeconds !== 0 && config.periodSeconds < 60) {
    env.problem('BLUEZONE_EXPORT_PERIOD: must be 0 (no worker) or at least 60 seconds');
  }
  return config;
}
