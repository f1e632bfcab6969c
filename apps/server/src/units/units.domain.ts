import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readUnitsConfig, type UnitsConfig } from './units.config.js';
import { registerUnitsRoutes } from './units.routes.js';
import { UnitsService } from './units.service.js';
import { UnitsStore } from './units.store.js';

export const unitsDomain = defineDomain({
  name: 'units',
  readConfig: readUnitsConfig,
  createServices: ({ db, platform, config, services, transactions }: DomainContext<UnitsConfig, { audit: AuditService }>) => ({
    units: new UnitsService(new UnitsStore(db), config, platform.clock, services.audit, transactions),
  }),
  routes: (app, { units }) => registerUnitsRoutes(app, units),
  prepare: async ({ units }) => void (await units.seedOfficialUnits()),
});
