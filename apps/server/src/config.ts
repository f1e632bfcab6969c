import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyDomain } from './platform/domain.js';
import { DOMAINS, type DomainConfigs } from './domains.js';
import type { BaseConfig } from './platform/base-config.js';
import { ConfigError, EnvReader, type Env } from './platform/env-reader.js';

export type { BaseConfig, DatabaseConfig, HttpConfig } from './platform/base-config.js';

/** The base settings, and each domain's under the domain's name (`config.identity`, `config.export`, …). */
export type ServerConfig = BaseConfig & DomainConfigs;

// Both src/ (tests) and dist/ (built) sit one level under apps/server, so this finds apps/console/dist from either.
const defaultConsoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url));
const defaultAppDir = fileURLToPath(new URL('../../mobile/dist', import.meta.url));

function readBaseConfig(reader: EnvReader): BaseConfig {
  const dataDir = path.resolve(reader.string('BLUEZONE_DATA_DIR', './data'));
  const url = reader.optionalString('DATABASE_URL');
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    reader.problem('DATABASE_URL: must start with postgres:// or postgresql://');
  }
  const redisUrl = reader.optionalString('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) reader.problem('REDIS_URL: must start with redis:// or rediss://');
  const redisPrefix = reader.string('BLUEZONE_REDIS_PREFIX', 'bluezone');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(redisPrefix)) reader.problem(`BLUEZONE_REDIS_PREFIX: "${redisPrefix}" may hold only letters, digits, "_", "." and "-"`);
  const kek = reader.optionalString('BLUEZONE_KEY_ENCRYPTION_KEY');
  const keyEncryptionKey = kek === undefined ? undefined : Buffer.from(kek, 'base64');
  if (kek !== undefined && (keyEncryptionKey!.length !== 32 || keyEncryptionKey!.toString('base64') !== kek)) {
    reader.problem('BLUEZONE_KEY_ENCRYPTION_KEY: must be standard base64 of exactly 32 bytes (openssl rand -base64 32)');
  }
  const region = reader.string('BLUEZONE_REGION', 'VN');
  if (!/^[A-Za-z0-9_]{1,32}$/.test(region)) {
    reader.problem(`BLUEZONE_REGION: "${region}" may hold only letters, digits and "_" (it names a folder)`);
  }
  return {
    dataDir,
    exportsDir: path.resolve(reader.string('BLUEZONE_EXPORTS_DIR', path.join(dataDir, 'exports'))),
    region,
    http: {
      port: reader.int('PORT', 8080, { min: 0, max: 65535 }),
      host: reader.string('HOST', '0.0.0.0'),
      bodyLimit: reader.int('BLUEZONE_BODY_LIMIT', 64 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
      trustProxy: reader.bool('BLUEZONE_TRUST_PROXY', false),
      consoleDir: path.resolve(reader.string('BLUEZONE_CONSOLE_DIR', defaultConsoleDir)),
      appDir: path.resolve(reader.string('BLUEZONE_APP_DIR', defaultAppDir)),
    },
    database: { url, sqlitePath: path.join(dataDir, 'bluezone.sqlite') },
    redis: { url: redisUrl, prefix: redisPrefix },
    keyEncryptionKey,
  };
}

/** Reads the whole server configuration from the environment; throws ConfigError listing every problem found. */
export function loadConfig(env: Env): ServerConfig {
  const reader = new EnvReader(env);
  const base = readBaseConfig(reader);
  const domains: Record<string, unknown> = {};
  for (const domain of DOMAINS as readonly AnyDomain[]) if (domain.readConfig) domains[domain.name] = domain.readConfig(reader, base);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return { ...base, ...domains } as ServerConfig;
}
