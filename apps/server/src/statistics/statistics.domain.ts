import { defineDomain, type DomainContext } from '../platform/domain.js';
import { registerStatisticsRoutes } from './statistics.routes.js';
import { ExposureNotificationStatistics, type StatisticsSources } from './statistics.service.js';

/** Anonymous figures for health officers, read from other domains' services; it stores nothing of its own. */
export const statisticsDomain = defineDomain({
  name: 'statistics',
  createServices: ({ platform, services }: DomainContext<undefined, StatisticsSources>) => ({
    exposureNotificationStatistics: new ExposureNotificationStatistics(services, platform.clock),
  }),
  routes: (app, { exposureNotificationStatistics }) => registerStatisticsRoutes(app, exposureNotificationStatistics),
});
