import { DEFAULT_APP_CONFIGURATION, appConfigurationSchema, type AppConfiguration } from '@bluezone/contract';
import { riskPresets, validateRiskConfiguration, type RiskConfiguration } from '@bluezone/protocol';
import type { AppStateStore } from '../storage/app-state-store';

/**
 * The app configuration in force: the last good one fetched from the server (`GET /api/v1/app-config`), else the
 * defaults shipped in the app (`DEFAULT_APP_CONFIGURATION` of the contract, the same the server serves by default).
 * A fetched configuration is applied whole or not at all: one that fails the contract's schema, or whose risk
 * configuration the protocol refuses, is ignored and the previous one stays.
 */
export class AppConfigService {
  private config: AppConfiguration = DEFAULT_APP_CONFIGURATION;
  private risk: RiskConfiguration = riskPresets.bluezone;

  constructor(
    private readonly store: AppStateStore,
    private readonly fetchConfiguration: () => Promise<unknown>,
  ) {}

  current(): AppConfiguration {
    return this.config;
  }

  riskConfiguration(): RiskConfiguration {
    return this.risk;
  }

  /** Loads the cached configuration (at start, before any network). */
  async load(): Promise<AppConfiguration> {
    const cached = await this.store.get('config.cached');
    if (cached !== undefined) {
      try {
        this.apply(cached);
      } catch {
        await this.store.remove('config.cached');
      }
    }
    return this.config;
  }

  /** Fetches the server's configuration; on any failure keeps the one in force and rethrows. */
  async refresh(): Promise<AppConfiguration> {
    const fetched = await this.fetchConfiguration();
    this.apply(fetched);
    await this.store.set('config.cached', fetched);
    return this.config;
  }

  private apply(value: unknown): void {
    const config = appConfigurationSchema.parse(value);
    const risk = config.exposure.riskConfiguration ? validateRiskConfiguration(config.exposure.riskConfiguration) : riskPresets[config.exposure.riskPreset];
    this.config = config;
    this.risk = risk;
  }
}
