import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ServerConfig } from '../config.js';
import { ConfigError } from '../platform/env-reader.js';
import { scheduledJobs } from '../server.js';
import { declarationRequest } from '../test-support/declarations.js';
import { createTestApp, login, type TestApp } from '../test-support/test-app.js';

const DAY = 86_400;

describe('retention of declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const count = async (table: 'declarations' | 'declaration_routes' | 'declaration_visits') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('deletes a declaration and its receipt 30 days after it was made, not a moment before, by the server’s job', async () => {
    const receipt = (await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest({ visits: [{ place: 'Bắc Kinh', from: '2026-11-20', to: '2026-11-21' }] }) })).json().receipt;
    t.clock.advance(10 * DAY);
    await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest({ fullName: 'Khai sau' }) });
    const job = scheduledJobs(t.config, t.services).find((j) => j.name === 'declarations.retention')!;
    expect(job.everySeconds).toBe(3600);

    t.clock.advance(20 * DAY - 1);
    expect(await job.run()).toBeUndefined();
    expect(await count('declarations')).toBe(2);

    t.clock.advance(2);
    expect(await job.run()).toEqual({ deleted: 1 });
    expect(await count('declarations')).toBe(1);
    expect(await count('declaration_routes')).toBe(1);
    expect(await count('declaration_visits')).toBe(0);

    const officer = await login(t.app);
    const entries = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=declaration.purge', headers: officer.headers })).json().entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUsername: 'system', detail: { deleted: 1, before: '2026-11-23T08:00:01.000Z' } });
    expect(receipt).toMatch(/-/);
    const left = await t.database.db.selectFrom('declarations').select('receipt').execute();
    expect(left.map((r) => r.receipt)).not.toContain(receipt.replace('-', ''));
  });

  it('takes a longer period from BLUEZONE_DECLARATION_RETENTION, and never one under 14 days', () => {
    const base = { BLUEZONE_DATA_DIR: '/nonexistent' };
    expect((loadConfig({ ...base, BLUEZONE_DECLARATION_RETENTION: '60d' }) as ServerConfig).declarations.retentionSeconds).toBe(60 * DAY);
    expect(loadConfig(base).declarations.retentionSeconds).toBe(30 * DAY);
    expect(() => loadConfig({ ...base, BLUEZONE_DECLARATION_RETENTION: '13d' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, BLUEZONE_DECLARATION_RETENTION: '13d' })).toThrow(/BLUEZONE_DECLARATION_RETENTION/);
  });
});
