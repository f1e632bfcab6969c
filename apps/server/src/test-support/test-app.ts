import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { User } from '@bluezone/contract';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type ServerConfig } from '../config.js';
import type { Dialect } from '../db/database.js';
import { fakeClock, systemRandom } from '../platform/platform.js';
import { createServices, type Services } from '../services.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

export const ADMIN_PASSWORD = 'correct horse battery';

/** An administrator at the top of the tree, for calling services directly as the console would. */
export const TOP_VIEWER: User = {
  id: 1,
  username: 'admin',
  displayName: 'Quản trị viên',
  role: 'admin',
  unitCode: '20',
  unitName: 'Lạng Sơn',
  locale: 'vi',
  disabled: false,
  createdAt: '2026-11-23T08:00:00.000Z',
  agencyId: null,
  agencyCode: null,
  agencyName: null,
  email: null,
  phone: null,
};

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  config: ServerConfig;
  clock: ReturnType<typeof fakeClock>;
  close(): Promise<void>;
}

/** A seeded application on a fresh database, with a clock the test moves and a cheap scrypt cost. */
export async function createTestApp(dialect: Dialect = 'sqlite', env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-test-'));
  const config = loadConfig({
    BLUEZONE_DATA_DIR: dir,
    BLUEZONE_CONSOLE_DIR: path.join(dir, 'console'),
    BLUEZONE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    BLUEZONE_SCRYPT_COST: '1024',
    ...env,
  });
  const database = await openTestDatabase(dialect);
  const clock = fakeClock();
  const services = createServices(database.db, config, { clock, random: systemRandom });
  await services.units.seedOfficialUnits();
  await services.users.bootstrapAdmin(config.identity.adminPassword);
  const app = await buildApp({ config, services });
  return {
    app,
    services,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username = 'admin', password = ADMIN_PASSWORD, ip = '127.0.0.1'): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'bz_session');
  if (!cookie) throw new Error('no session cookie');
  return `bz_session=${cookie.value}`;
}

export function errorCode(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { code: string } }>().error?.code;
}
