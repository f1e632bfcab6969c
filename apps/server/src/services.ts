import type { ServerConfig } from './config.js';
import type { Db } from './db/database.js';
import { databaseTransactions } from './db/transactions.js';
import type { AnyDomain } from './platform/domain.js';
import { DOMAINS, type Services } from './domains.js';
import type { Platform } from './platform/platform.js';
import { memoryRateLimiters, type RateLimiters } from './platform/rate-limiter.js';

export type { Services };

/** Builds every domain's services over one database, in the order of the domain list. */
export function createServices(
  db: Db,
  config: ServerConfig,
  platform: Platform,
  rateLimiters: RateLimiters = memoryRateLimiters(platform.clock),
  loaded: Record<string, unknown> = {},
): Services {
  const transactions = databaseTransactions(db);
  const services: Record<string, unknown> = {};
  const configs = config as unknown as Record<string, unknown>;
  for (const domain of DOMAINS as readonly AnyDomain[]) {
    Object.assign(services, domain.createServices({ db, platform, transactions, rateLimiters, loaded: loaded[domain.name], base: config, config: configs[domain.name], services }));
  }
  return services as Services;
}

/** Runs every domain's `load`, in list order; the answers go to createServices. */
export async function loadDomains(db: Db, config: ServerConfig, platform: Platform): Promise<Record<string, unknown>> {
  const loaded: Record<string, unknown> = {};
  const configs = config as unknown as Record<string, unknown>;
  for (const domain of DOMAINS as readonly AnyDomain[]) {
    if (domain.load) loaded[domain.name] = await domain.load({ db, config: configs[domain.name], base: config, platform });
  }
  return loaded;
}
