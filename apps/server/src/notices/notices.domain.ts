import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import { readNoticesConfig, type NoticesConfig } from './notices.config.js';
import { registerNoticesRoutes } from './notices.routes.js';
import { NoticesService } from './notices.service.js';
import { NoticesStore } from './notices.store.js';

/** Notices to citizens' apps: officials publish and withdraw them in the console, every app reads the live ones. */
export const noticesDomain = defineDomain({
  name: 'notices',
  readConfig: readNoticesConfig,
  createServices: ({ db, platform, config, services, transactions }: DomainContext<NoticesConfig, { audit: AuditService; units: UnitDirectory }>) => ({
    notices: new NoticesService(new NoticesStore(db), services.units, services.audit, platform.clock, transactions, config),
  }),
  routes: (app, { notices }) => registerNoticesRoutes(app, notices),
});
