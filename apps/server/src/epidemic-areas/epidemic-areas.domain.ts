import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import type { PlacesService } from '../places/places.service.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import { registerEpidemicAreasRoutes } from './epidemic-areas.routes.js';
import { EpidemicAreasService } from './epidemic-areas.service.js';
import { EpidemicAreasStore } from './epidemic-areas.store.js';

export const epidemicAreasDomain = defineDomain({
  name: 'epidemic-areas',
  createServices: ({ db, platform, services, transactions }: DomainContext<undefined, { audit: AuditService; units: UnitDirectory; places: PlacesService }>) => ({
    epidemicAreas: new EpidemicAreasService(new EpidemicAreasStore(db), services.places, services.units.topCode, services.audit, platform.clock, transactions),
  }),
  routes: (app, { epidemicAreas }) => registerEpidemicAreasRoutes(app, epidemicAreas),
});
