import { defineDomain, type DomainContext } from '../platform/domain.js';
import { RateLimiter } from '../platform/rate-limiter.js';
import { officialCountryUnits } from '../units/units.seed.js';
import { readPlacesConfig, type PlacesConfig } from './places.config.js';
import { NationalGazetteer } from './places.model.js';
import { registerPlacesRoutes } from './places.routes.js';
import { PlacesService, type LocalUnitTree } from './places.service.js';

export const placesDomain = defineDomain({
  name: 'places',
  readConfig: readPlacesConfig,
  createServices: ({ platform, config, services }: DomainContext<PlacesConfig, { units: LocalUnitTree }>) => ({
    places: new PlacesService(services.units, new NationalGazetteer(officialCountryUnits()), new RateLimiter(config.searchRateLimit, 60, platform.clock), platform.clock),
  }),
  routes: (app, { places }) => registerPlacesRoutes(app, places),
});
