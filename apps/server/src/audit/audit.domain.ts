import { defineDomain } from '../platform/domain.js';
import { registerAuditRoutes } from './audit.routes.js';
import { AuditService } from './audit.service.js';
import { AuditStore } from './audit.store.js';

export const auditDomain = defineDomain({
  name: 'audit',
  createServices: ({ db, platform }) => ({ audit: new AuditService(new AuditStore(db), platform.clock) }),
  routes: (app, { audit }) => registerAuditRoutes(app, audit),
});
