import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import type { Transactions } from '../db/transactions.js';
import type { BaseConfig } from './base-config.js';
import type { EnvReader } from './env-reader.js';
import type { ScheduledJob } from './jobs.js';
import type { Platform } from './platform.js';
import type { RateLimiters } from './rate-limiter.js';

/**
 * A domain (identity, units, export, …) as the server sees it: one module that reads its configuration, builds its
 * services over the database, registers its routes, lists its jobs, and prepares what it needs at start. The server
 * iterates the list in `domains.ts` for each of these; adding a domain is one line there.
 *
 * `Needs` names the services of earlier domains this one uses (the list's order builds them first); services reach
 * their stores through an interface and their side effects through `platform`, never through another domain's routes.
 */
export interface DomainContext<Config, Needs> {
  db: Db;
  platform: Platform;
  transactions: Transactions;
  /** Rate limits: in memory, or in Redis shared by every process (REDIS_URL). */
  rateLimiters: RateLimiters;
  /** What this domain's `load` read before the services were built (undefined when it has none, or in tests). */
  loaded?: unknown;
  base: BaseConfig;
  config: Config;
  services: Needs;
}

export interface Domain<Name extends string, Config, Provides extends object, Needs extends object> {
  readonly name: Name;
  /** Reads and checks this domain's environment variables; problems go to `env.problem()`, all reported at once. */
  readConfig?(env: EnvReader, base: BaseConfig): Config;
  /**
   * Before the services are built, after migrations: reads what they need from the database and cannot wait for
   * (secrets every process shares). Its answer reaches createServices as `loaded`.
   */
  load?(context: { db: Db; config: Config; base: BaseConfig; platform: Platform }): Promise<unknown>;
  createServices(context: DomainContext<Config, Needs>): Provides;
  routes?(app: FastifyInstance, services: Provides & Needs, config: Config, base: BaseConfig): void | Promise<void>;
  jobs?(services: Provides & Needs, config: Config): ScheduledJob[];
  /** At server start, after migrations, in list order: seed official data, make keys, create the first account. */
  prepare?(services: Provides & Needs, config: Config, announce: (line: string) => void): Promise<void>;
}

/** Declares a domain; the generics are inferred, so a module states its types once. */
export function defineDomain<Name extends string, Provides extends object, Needs extends object = object, Config = undefined>(
  domain: Domain<Name, Config, Provides, Needs>,
): Domain<Name, Config, Provides, Needs> {
  return domain;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDomain = Domain<string, any, any, any>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every service of a list of domains, by the names their modules give them. */
export type ServicesOf<D extends readonly AnyDomain[]> = UnionToIntersection<ReturnType<D[number]['createServices']>>;

type ConfigOf<D> = D extends Domain<string, infer C, object, object> ? C : never;

/** Every domain's configuration, under the domain's name. */
export type ConfigsOf<D extends readonly AnyDomain[]> = { [K in D[number] as K['name']]: ConfigOf<K> };
