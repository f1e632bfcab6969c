import type { EpidemicAreasService } from '../epidemic-areas/epidemic-areas.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import type { PlacesService } from '../places/places.service.js';
import { readScreeningConfig, type ScreeningConfig } from './screening.config.js';
import { ScreeningService } from './screening.service.js';

/** Screening: the suspected-case rule and the epidemic areas, applied to what a declarant answered. */
export const screeningDomain = defineDomain({
  name: 'screening',
  readConfig: readScreeningConfig,
  createServices: ({ config, services }: DomainContext<ScreeningConfig, { epidemicAreas: EpidemicAreasService; places: PlacesService }>) => ({
    screening: new ScreeningService(config.rule, services.epidemicAreas, services.places),
  }),
});
