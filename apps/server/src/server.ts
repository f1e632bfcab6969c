import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { systemPlatform, type Platform } from './platform/platform.js';
import { createServices, type Services } from './services.js';
import { startExportWorker } from './export/export.worker.js';

export interface Runtime {
  db: Db;
  services: Services;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, seeds the province's official units and, on an empty database,
 * creates the first administrator. `announce` receives the one message an operator must see (a generated password).
 */
export async function prepareRuntime(config: ServerConfig, announce: (line: string) => void, platform: Platform = systemPlatform): Promise<Runtime> {
  const { db } = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const services = createServices(db, config, platform);
    await services.units.seedOfficialUnits();
    await services.signingKeys.ensureActiveKey();
    const admin = await services.users.bootstrapAdmin(config.units.province, config.identity.adminPassword);
    if (admin?.generatedPassword) {
      announce(`Created the first administrator: username "admin", password "${admin.generatedPassword}" (shown once; change it after signing in).\n`);
    } else if (admin) {
      announce('Created the first administrator "admin" with the password from BLUEZONE_ADMIN_PASSWORD.\n');
    }
    return { db, services, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Opens the database (applying pending migrations) and wires the services, without seeding or serving: for
 * commands that run beside a server on the same data directory or DATABASE_URL (`bluezone export run`, `keys rotate`).
 */
export async function openRuntime(config: ServerConfig, platform: Platform = systemPlatform): Promise<Runtime> {
  const { db } = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    return { db, services: createServices(db, config, platform), close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export interface RunningServer {
  app: FastifyInstance;
  /** One URL to reach it; with a wildcard HOST (0.0.0.0, ::) only one of many, so say `addresses` to people. */
  url: string;
  /** The addresses the socket is bound to, as the operating system reports them (fastify `app.addresses()`). */
  addresses: AddressInfo[];
  close(): Promise<void>;
}

/** Prepares the runtime and listens on the configured host and port. */
export async function startServer(
  config: ServerConfig,
  options: { announce?: (line: string) => void; platform?: Platform } = {},
): Promise<RunningServer> {
  const announce = options.announce ?? ((line) => void process.stdout.write(line));
  const runtime = await prepareRuntime(config, announce, options.platform);
  const app = await buildApp({ config, db: runtime.db, services: runtime.services, logger: { level: 'info' } });
  app.addHook('onClose', async () => runtime.close());
  // Expired sessions are refused when presented; this only keeps the table from growing with abandoned ones.
  const sweep = setInterval(() => {
    runtime.services.identity.deleteExpiredSessions().catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
  }, 3600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  if (config.export.periodSeconds > 0) {
    const exportWorker = startExportWorker(runtime.services.export, config.export.periodSeconds, app.log);
    // Registered after the database's onClose hook, and onClose hooks run in reverse: the worker stops first.
    app.addHook('onClose', async () => exportWorker.stop());
  }
  const url = await app.listen({ port: config.http.port, host: config.http.host });
  // Strings would be Unix socket paths, which this server never listens on.
  const addresses = app.addresses().filter((a): a is AddressInfo => typeof a !== 'string');
  return { app, url, addresses, close: () => app.close() };
}
