import type { BaseConfig } from '../platform/base-config.js';
import type { EnvReader } from '../platform/env-reader.js';

/** An S3-compatible bucket for the export files (BLUEZONE_EXPORT_S3_*); unset, they go to the exports directory. */
export interface ObjectStoreConfig {
  bucket: string;
  /** Region of the bucket; S3-compatible stores mostly take any value. */
  region: string;
  /** For a store other than AWS: its URL, e.g. http://minio.internal:9000. */
  endpoint: string | undefined;
  /** Bucket in the path (`endpoint/bucket/key`) rather than in the host name, as most S3-compatible stores want. */
  forcePathStyle: boolean;
  /** Prepended to every object key (`VN/index.txt` becomes `<prefix>VN/index.txt`). */
  prefix: string;
}

export interface ExportConfig {
  /** Region written in every file and used as the folder under the exports directory (BLUEZONE_REGION). */
  region: string;
  /** Where files are written; served at /exports/. */
  exportsDir: string;
  /** When set, files go to this bucket instead of the directory, and /exports/ redirects to `publicUrl`. */
  objectStore: ObjectStoreConfig | undefined;
  /** BLUEZONE_EXPORTS_PUBLIC_URL: where phones download the files (a CDN in front of the bucket). */
  publicUrl: string | undefined;
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
    objectStore: readObjectStore(env),
    publicUrl: env.optionalString('BLUEZONE_EXPORTS_PUBLIC_URL')?.replace(/\/+$/, ''),
    periodSeconds: env.duration('BLUEZONE_EXPORT_PERIOD', 3600, { min: 0, max: DAY }),
    settleSeconds: env.duration('BLUEZONE_EXPORT_SETTLE', 10, { min: 0, max: 3600 }),
    minKeys: env.int('BLUEZONE_EXPORT_MIN_KEYS', 1000, { min: 100, max: 1_000_000 }),
    paddingJitter: env.int('BLUEZONE_EXPORT_PADDING_JITTER', 100, { min: 0, max: 100_000 }),
    maxKeysPerFile: env.int('BLUEZONE_EXPORT_MAX_KEYS_PER_FILE', 100_000, { min: 1000, max: 1_000_000 }),
    fileRetentionSeconds: env.duration('BLUEZONE_EXPORT_RETENTION', 14 * DAY, { min: DAY, max: 30 * DAY }),
    keyRetentionSeconds: env.duration('BLUEZONE_KEY_RETENTION', 14 * DAY, { min: DAY, max: 30 * DAY }),
  };
  if (config.publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(config.publicUrl)) env.problem('BLUEZONE_EXPORTS_PUBLIC_URL: must be an http(s) URL');
  if (config.periodSeconds !== 0 && config.periodSeconds < 60) {
    env.problem('BLUEZONE_EXPORT_PERIOD: must be 0 (no worker) or at least 60 seconds');
  }
  return config;
}

function readObjectStore(env: EnvReader): ObjectStoreConfig | undefined {
  const bucket = env.optionalString('BLUEZONE_EXPORT_S3_BUCKET');
  const endpoint = env.optionalString('BLUEZONE_EXPORT_S3_ENDPOINT');
  const region = env.string('BLUEZONE_EXPORT_S3_REGION', 'us-east-1');
  const forcePathStyle = env.bool('BLUEZONE_EXPORT_S3_FORCE_PATH_STYLE', endpoint !== undefined);
  const prefix = env.string('BLUEZONE_EXPORT_S3_PREFIX', '');
  if (bucket === undefined) {
    if (endpoint !== undefined) env.problem('BLUEZONE_EXPORT_S3_ENDPOINT: set BLUEZONE_EXPORT_S3_BUCKET too');
    return undefined;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) env.problem(`BLUEZONE_EXPORT_S3_BUCKET: "${bucket}" is not a bucket name`);
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) env.problem('BLUEZONE_EXPORT_S3_ENDPOINT: must be an http(s) URL');
  if (prefix !== '' && !/^[A-Za-z0-9_./-]*\/$/.test(prefix)) env.problem('BLUEZONE_EXPORT_S3_PREFIX: letters, digits, "_", ".", "-" and "/", ending in "/"');
  return { bucket, region, endpoint, forcePathStyle, prefix };
}
