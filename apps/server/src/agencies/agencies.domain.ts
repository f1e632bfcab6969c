import type { AuditService } from '../audit/audit.service.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { registerAgenciesRoutes } from './agencies.routes.js';
import { AgenciesService } from './agencies.service.js';
import { AgenciesStore } from './agencies.store.js';

export const agenciesDomain = defineDomain({
  name: 'agencies',
  createServices: ({ db, platform, services, transactions }: DomainContext<undefined, { audit: AuditService; units: UnitDirectory }>) => ({
    agencies: new AgenciesService(new AgenciesStore(db), services.units, services.audit, platform.clock, transactions),
  }),
  routes: (app, { agencies }) => registerAgenciesRoutes(app, agencies),
});
