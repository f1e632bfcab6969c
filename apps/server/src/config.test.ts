import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './platform/env-reader.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ port: 8080, host: '0.0.0.0', bodyLimit: 65536 });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.exportsDir).toBe(path.resolve('data', 'exports'));
    expect(config.database).toEqual({ url: undefined, sqlitePath: path.resolve('data', 'bluezone.sqlite') });
    expect(config.units.province).toBe('20');
    expect(config.identity).toMatchObject({ lockoutThreshold: 5, cookieSecure: false, sessionTtlSeconds: 43200 });
  });

  it('reads durations with units, booleans and numbers', () => {
    const config = loadConfig({ PORT: '9000', BLUEZONE_SESSION_TTL: '8h', BLUEZONE_SESSION_IDLE: '15m', BLUEZONE_COOKIE_SECURE: 'yes', BLUEZONE_PROVINCE: '01' });
    expect(config.http.port).toBe(9000);
    expect(config.identity).toMatchObject({ sessionTtlSeconds: 28800, sessionIdleSeconds: 900, cookieSecure: true });
    expect(config.units.province).toBe('01');
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        BLUEZONE_PROVINCE: '99',
        BLUEZONE_COOKIE_SECURE: 'maybe',
        BLUEZONE_SESSION_TTL: '1 week',
        BLUEZONE_ADMIN_PASSWORD: 'short',
        BLUEZONE_LOCKOUT_THRESHOLD: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const name of ['PORT', 'DATABASE_URL', 'BLUEZONE_PROVINCE', 'BLUEZONE_COOKIE_SECURE', 'BLUEZONE_SESSION_TTL', 'BLUEZONE_ADMIN_PASSWORD', 'BLUEZONE_LOCKOUT_THRESHOLD']) {
      expect(problems.some((p) => p.startsWith(`${name}:`)), name).toBe(true);
    }
    expect(problems).toHaveLength(7);
    expect((error as Error).message).toContain('PORT: "eighty" is not a whole number');
  });
});
