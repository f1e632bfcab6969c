import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, EnvReader, type Env } from './platform/env-reader.js';
import { readIdentityConfig, type IdentityConfig } from './identity/identity.config.js';
import { readUnitsConfig, type UnitsConfig } from './units/units.config.js';
import { readExportConfig, type ExportConfig } from './export/export.config.js';
import { readSigningKeysConfig, type SigningKeysConfig } from './signing-keys/signing-keys.config.js';
import { readVerificationConfig, type VerificationConfig } from './verification/verification.config.js';
import { readPublishConfig, type PublishConfig } from './publish/publish.config.js';
import { readAppConfig } from './app-config/app-config.config.js';
import type { AppConfiguration } from '@bluezone/contract';

export interface HttpConfig {
  port: number;
  host: string;
  /** Largest accepted API request body in bytes. */
  bodyLimit: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for the real client IP in rate limiting). */
  trustProxy: boolean;
  /** The built web console, served at `/`. */
  consoleDir: string;
  /** Signed export files, served at `/exports/`. */
  exportsDir: string;
  /** The citizen app's web build (the demo), served at `/app/` when built. */
  appDir: string;
}

export interface DatabaseConfig {
  /** PostgreSQL connection string; when unset, SQLite in the data directory. */
  url: string | undefined;
  sqlitePath: string;
}

export interface ServerConfig {
  dataDir: string;
  http: HttpConfig;
  database: DatabaseConfig;
  identity: IdentityConfig;
  units: UnitsConfig;
  export: ExportConfig;
  signingKeys: SigningKeysConfig;
  verification: VerificationConfig;
  publish: PublishConfig;
  /** What GET /api/v1/app-config serves to the citizen app. */
  app: AppConfiguration;
}

// Both src/ (tests) and dist/ (built) sit one level under apps/server, so this finds apps/console/dist from either.
const defaultConsoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url));
const defaultAppDir = fileURLToPath(new URL('../../mobile/dist', import.meta.url));

/** Reads the whole server configuration from the environment; throws ConfigError listing every problem found. */
export function loadConfig(env: Env): ServerConfig {
  const reader = new EnvReader(env);
  const dataDir = path.resolve(reader.string('BLUEZONE_DATA_DIR', './data'));
  const url = reader.optionalString('DATABASE_URL');
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    reader.problem('DATABASE_URL: must start with postgres:// or postgresql://');
  }
  const host = reader.string('HOST', '0.0.0.0');
  const exportsDir = path.resolve(reader.string('BLUEZONE_EXPORTS_DIR', path.join(dataDir, 'exports')));
  const exportConfig = readExportConfig(reader, exportsDir);
  const publish = readPublishConfig(reader);
  const config: ServerConfig = {
    dataDir,
    http: {
      port: reader.int('PORT', 8080, { min: 0, max: 65535 }),
      host,
      bodyLimit: reader.int('BLUEZONE_BODY_LIMIT', 64 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
      trustProxy: reader.bool('BLUEZONE_TRUST_PROXY', false),
      consoleDir: path.resolve(reader.string('BLUEZONE_CONSOLE_DIR', defaultConsoleDir)),
      exportsDir: path.resolve(reader.string('BLUEZONE_EXPORTS_DIR', path.join(dataDir, 'exports'))),
      appDir: path.resolve(reader.string('BLUEZONE_APP_DIR', defaultAppDir)),
    },
    database: { url, sqlitePath: path.join(dataDir, 'bluezone.sqlite') },
    identity: readIdentityConfig(reader),
    units: readUnitsConfig(reader),
    export: exportConfig,
    signingKeys: readSigningKeysConfig(reader, dataDir, exportConfig.region),
    verification: readVerificationConfig(reader, dataDir),
    publish,
    // The app names the region it downloads and the health authority it publishes under: this server's own.
    app: readAppConfig(reader, { region: exportConfig.region, healthAuthorityId: publish.healthAuthorities[0] ?? 'vn.bluezone' }),
  };
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}
