import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignPeople, directive, type CampaignPeople } from '../test-support/campaigns.js';
import { describeEachDialect } from '../test-support/databases.js';
import { databaseSnapshot } from '../test-support/snapshot.js';
import { createTestApp, type Session, type TestApp } from '../test-support/test-app.js';

/**
 * The platform's bad-input suite meets the campaign routes as an administrator, whom they refuse by role before any
 * schema runs. Here the same kinds of input go to them as the issuer and the reporters who may call them: a wrong
 * value in every field of a campaign, a round and a report, whole bodies of the wrong type, and control characters.
 * Whatever it is, the answer is a documented 4xx and the database is unchanged.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// Whole numbers from 0 up are valid counts and strings valid text, so neither is a "wrong value" here (101 is, where a
// % goes; a string with a control character always is).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const values = fc
  .sample(fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, -1, 1e308, 1.5, -0.5, [], true, 'a\u0000b', '\u001b')), { numRuns: 30, seed: SEED })
  .filter((v) => v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0) && !(typeof v === 'string' && !CONTROL.test(v)));

describeEachDialect('bad input on the campaign routes', (dialect) => {
  let t: TestApp;
  let p: CampaignPeople;
  let requests: { session: Session; method: InjectOptions['method']; url: string; shape: Record<string, unknown> }[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    p = await campaignPeople(t);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: p.issuer.headers, payload: directive(p) });
    const id = created.json().campaign.id;
    const { recipients: _r, header: _h, ...campaign } = directive(p);
    requests = [
      { session: p.issuer, method: 'POST', url: '/api/v1/campaigns', shape: campaign as Record<string, unknown> },
      { session: p.issuer, method: 'POST', url: `/api/v1/campaigns/${id}/rounds`, shape: { name: 'Đợt 2', periodEnd: '2026-12-10', deadline: '2026-12-10' } },
      { session: p.issuer, method: 'POST', url: `/api/v1/campaigns/${id}/rounds/1/reports/1/return`, shape: { comment: 'x' } },
      { session: p.dongKinh, method: 'PUT', url: `/api/v1/campaigns/${id}/rounds/1/report`, shape: { staffTotal: 10, staffInstalled: 5, proposals: 'x' } },
      { session: p.dongKinh, method: 'PUT', url: `/api/v1/campaigns/${id}/rounds/1/report`, shape: { staffTotal: 10, staffInstalled: 5, indicators: { radio: { quantity: 1, percent: 10, note: 'x' } } } },
    ];
  });
  afterAll(async () => t?.close());

  it('refuses a wrong value anywhere, writing nothing', async () => {
    const before = await databaseSnapshot(t.database.db);
    const nested = (shape: Record<string, unknown>, value: unknown): Record<string, unknown>[] =>
      Object.entries(shape).flatMap(([field, inner]) =>
        inner !== null && typeof inner === 'object' && !Array.isArray(inner)
          ? nested(inner as Record<string, unknown>, value).map((v) => ({ ...shape, [field]: v }))
          : // A draft may leave the staff figures empty.
            (value === null && (field === 'staffTotal' || field === 'staffInstalled')) ||
            // A percentage may have decimals.
            (typeof value === 'number' && field === 'percent' && value >= 0 && value <= 100)
            ? []
            : [{ ...shape, [field]: value }],
      );
    for (const { session, method, url, shape } of requests) {
      for (const value of values) {
        // An empty object is a valid empty draft, not bad input.
        const whole = JSON.stringify(value) === '{}' ? [] : [value];
        for (const payload of [...nested(shape, value), ...whole]) {
          const response = await t.app.inject({ method, url, headers: { ...session.headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
          const where = `${method} ${url} ${JSON.stringify(payload).slice(0, 120)} (FUZZ_SEED=${SEED})`;
          expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, where).toBeLessThan(500);
          expect(response.json<{ error: { code: string } }>().error.code, where).toMatch(/^[a-z_]+$/);
        }
      }
    }
    expect(await databaseSnapshot(t.database.db)).toBe(before);
  });
});
