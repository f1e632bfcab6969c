import type { AppConfiguration } from '@bluezone/contract';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readAppConfig, type AppConfigSettings } from './app-config.config.js';
import { registerAppConfigRoutes } from './app-config.routes.js';

/**
 * What the citizen app is told at each check: scan timing, risk rules and addresses from the province's settings,
 * with this server's region and the first health authority its key server accepts. It stores nothing.
 */
export const appConfigDomain = defineDomain({
  name: 'appConfig',
  readConfig: readAppConfig,
  createServices: ({ base, config, services }: DomainContext<AppConfigSettings, { healthAuthorities: readonly string[] }>) => ({
    appConfiguration: { ...config, region: base.region, healthAuthorityId: services.healthAuthorities[0]! } satisfies AppConfiguration,
  }),
  routes: (app, { appConfiguration }) => registerAppConfigRoutes(app, appConfiguration),
});
