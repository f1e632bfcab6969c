import { defineDomain, type DomainContext } from '../platform/domain.js';
import { officialCountryUnits } from '../units/units.seed.js';
import { readPlacesConfig, type PlacesConfig } from './places.config.js';
import { NationalGazetteer } from './places.model.js';
import { registerPlacesRoutes } from './places.routes.js';
import { PlacesService, type LocalUnitTree } from './places.service.js';

export const placesDomain = defineDomain({
  name: 'places',
  readConfig: readPlacesConfig,
  createServices: ({ platform, config, services, rateLimiters }: DomainContext<PlacesConfig, { units: LocalUnitTree }>) => ({
    places: new PlacesService(services.units, new NationalGazetteer(officialCountryUnits()), rateLimiters.create('place_search', config.searchRateLimit, 60), platform.clock),
  }),
  routes: (app, { places }) => registerPlacesRoutes(app, places),
});
