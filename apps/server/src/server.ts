import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { checkpointInBackground, openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { AnyDomain } from './platform/domain.js';
import { DOMAINS } from './domains.js';
import { startJobs, type ScheduledJob } from './platform/jobs.js';
import { systemPlatform, type Platform } from './platform/platform.js';
import { memoryRateLimiters } from './platform/rate-limiter.js';
import { createServices, loadDomains, type Services } from './services.js';

export interface Runtime {
  db: Db;
  services: Services;
  close(): Promise<void>;
}

const domainConfig = (config: ServerConfig, name: string) => (config as unknown as Record<string, unknown>)[name];

/**
 * Opens the database (applying pending migrations) and wires the services, without preparing or serving: for
 * commands that run beside a server on the same data directory or DATABASE_URL (`bluezone export run`, `keys rotate`).
 */
export async function openRuntime(config: ServerConfig, platform: Platform = systemPlatform): Promise<Runtime> {
  const { db } = openDatabase(config.database);
  const redis = config.redis.url ? (await import('./platform/redis-rate-limiters.js')).redisRateLimiters(config.redis.url, config.redis.prefix) : undefined;
  const close = async () => {
    await redis?.close();
    await db.destroy();
  };
  try {
    await redis?.ready();
    await migrateToLatest(db);
    const loaded = await loadDomains(db, config, platform);
    return { db, services: createServices(db, config, platform, redis ?? memoryRateLimiters(platform.clock), loaded), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens the runtime and lets every domain prepare, in list order: official units seeded, a signing key made, and on an
 * empty database the first administrator. `announce` receives the one message an operator must see (a generated
 * password).
 */
export async function prepareRuntime(config: ServerConfig, announce: (line: string) => void, platform: Platform = systemPlatform): Promise<Runtime> {
  const runtime = await openRuntime(config, platform);
  try {
    for (const domain of DOMAINS as readonly AnyDomain[]) await domain.prepare?.(runtime.services, domainConfig(config, domain.name), announce);
    return runtime;
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** Every domain's scheduled jobs. */
export function scheduledJobs(config: ServerConfig, services: Services): ScheduledJob[] {
  return (DOMAINS as readonly AnyDomain[]).flatMap((domain) => domain.jobs?.(services, domainConfig(config, domain.name)) ?? []);
}

export interface RunningServer {
  app: FastifyInstance;
  /** One URL to reach it; with a wildcard HOST (0.0.0.0, ::) only one of many, so say `addresses` to people. */
  url: string;
  /** The addresses the socket is bound to, as the operating system reports them (fastify `app.addresses()`). */
  addresses: AddressInfo[];
  close(): Promise<void>;
}

/** Prepares the runtime, starts the domains' jobs, and listens on the configured host and port. */
export async function startServer(
  config: ServerConfig,
  options: { announce?: (line: string) => void; platform?: Platform } = {},
): Promise<RunningServer> {
  const announce = options.announce ?? ((line) => void process.stdout.write(line));
  const runtime = await prepareRuntime(config, announce, options.platform);
  checkpointInBackground(runtime.db);
  const app = await buildApp({ config, services: runtime.services, logger: { level: 'info' } });
  app.addHook('onClose', async () => runtime.close());
  const jobs = startJobs(scheduledJobs(config, runtime.services), app.log);
  // Registered after the database's onClose hook, and onClose hooks run in reverse: jobs stop first.
  app.addHook('onClose', async () => jobs.stop());
  const url = await app.listen({ port: config.http.port, host: config.http.host });
  // Strings would be Unix socket paths, which this server never listens on.
  const addresses = app.addresses().filter((a): a is AddressInfo => typeof a !== 'string');
  return { app, url, addresses, close: () => app.close() };
}
