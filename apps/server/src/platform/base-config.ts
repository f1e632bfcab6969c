/** Configuration every domain may read: where data lives, how HTTP is served, which database, which region. */
export interface HttpConfig {
  port: number;
  host: string;
  /** Largest accepted API request body in bytes. */
  bodyLimit: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for the real client IP in rate limiting). */
  trustProxy: boolean;
  /** The built web console, served at `/`. */
  consoleDir: string;
  /** The citizen app's web build (the demo), served at `/app/` when built. */
  appDir: string;
}

export interface DatabaseConfig {
  /** PostgreSQL connection string; when unset, SQLite in the data directory. */
  url: string | undefined;
  sqlitePath: string;
}

/** Redis, shared by every server process for rate limits (REDIS_URL); unset: each process counts in memory. */
export interface RedisConfig {
  url: string | undefined;
  /** Prefix of every key, so installations sharing one Redis stay apart (BLUEZONE_REDIS_PREFIX). */
  prefix: string;
}

export interface BaseConfig {
  dataDir: string;
  /** Signed export files, written by the export domain and served at `/exports/`. */
  exportsDir: string;
  /** Region written in every export file and naming its folder (BLUEZONE_REGION). */
  region: string;
  http: HttpConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  /**
   * BLUEZONE_KEY_ENCRYPTION_KEY (base64 of 32 bytes): when set, signing keys and the verification secrets live in
   * the database sealed under it (platform/sealed-box.ts), so every process shares them without a shared directory.
   */
  keyEncryptionKey: Buffer | undefined;
}
