/** The Bluezone server: configuration, the HTTP application, and what the CLI needs to run and administer it. */
export { loadConfig, type ServerConfig, type BaseConfig, type HttpConfig, type DatabaseConfig } from './config.js';
export { ConfigError, type Env } from './platform/env-reader.js';
export { buildApp, type AppDeps } from './app.js';
export { startServer, prepareRuntime, openRuntime, scheduledJobs, type RunningServer, type Runtime } from './server.js';
export { DOMAINS } from './domains.js';
export { checkpointInBackground, openDatabase, type Db } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { createServices, type Services } from './services.js';
export { AppError } from './errors.js';
export { systemPlatform, fakeClock, fakeRandom, type Platform, type Clock, type Random } from './platform/platform.js';
export { SYSTEM_ACTOR, actorOf } from './audit/audit.model.js';
export { checkNewUser, type NewUserCheck } from './identity/new-user.js';
export { ExportService, type ExportBatchResult } from './export/export.service.js';
export { ExportStore } from './export/export.store.js';
export { ExportDirectory } from './export/export.directory.js';
export { ROLES } from '@bluezone/contract';
