import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { databaseSnapshot } from '../test-support/snapshot.js';
import { createTestApp, login, TOP_VIEWER, type Session, type TestApp } from '../test-support/test-app.js';
import { routeAccessTable } from './access.js';

/**
 * Bad input against every write route (and the query of every read route), on both databases, as a signed-in
 * administrator at the top of the tree so every handler is reachable: malformed JSON, wrong types, control
 * characters, huge and deeply nested bodies, wrong content types and non-canonical ids. Whatever the input, the
 * answer is a 4xx with a documented code and the database is byte for byte unchanged.
 */
const RUNS = 25;
// Inputs differ from run to run; a failure names its seed, and FUZZ_SEED=… replays it.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { numRuns: RUNS, seed: SEED });
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', 'a\u0000b');

/** Bodies shaped like each route's, to carry a bad value in every field position. */
const SHAPES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/login': { username: 'admin', password: 'x' },
  'PATCH /api/v1/auth/me': { locale: 'vi' },
  'POST /api/v1/auth/password': { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' },
  'POST /api/v1/users': { username: 'fuzz', displayName: 'Fuzz', password: 'fuzz password', role: 'unit_officer', unitCode: '06184' },
  'PATCH /api/v1/users/:id': { displayName: 'x' },
  'POST /api/v1/units': { code: 'F1', parentCode: '06184', level: 'village', name: 'x' },
  'PATCH /api/v1/units/:code': { name: 'x' },
  'POST /api/v1/agencies': { name: 'x', unitCode: '06184' },
  'PATCH /api/v1/agencies/:id': { name: 'x' },
  'POST /api/v1/codes': { testType: 'confirmed', symptomDate: '2026-11-20' },
  'POST /api/v1/verify': { code: '12345678' },
  'POST /api/v1/certificate': { token: 'x', ekeyhmac: 'x' },
  'POST /api/v1/publish': { temporaryExposureKeys: [], healthAuthorityID: 'vn.bluezone', verificationPayload: 'x', hmacKey: 'x' },
  // Notices to citizens' apps (retiring takes no fields: every value sent is a wrong one).
  'POST /api/v1/notices': { title: 'x', body: 'x', titleEn: 'x', bodyEn: 'x' },
  'POST /api/v1/notices/:id/retire': {},
  // Notifications and campaign reporting (campaign routes refuse the administrator by role before any schema runs;
  // campaigns.routes.test.ts sends them bad input as issuers and reporters).
  'POST /api/v1/notifications/read': { ids: [1] },
  'POST /api/v1/campaigns': { documentNumber: '1/X', title: 'x', issuedOn: '2026-11-20', recipients: { unitCodes: ['06184'] }, rounds: [{ name: 'x', periodEnd: '2026-11-30', deadline: '2026-11-30' }] },
  'POST /api/v1/campaigns/:id/rounds': { name: 'x', periodEnd: '2026-11-30', deadline: '2026-11-30' },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/close': {},
  'POST /api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/return': { comment: 'x' },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/accept': {},
  'POST /api/v1/campaigns/:id/attachments': {},
  'POST /api/v1/campaigns/:id/received': {},
  'PUT /api/v1/campaigns/:id/rounds/:roundNo/report': { staffTotal: 1, staffInstalled: 1, proposals: 'x' },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/report/submit': {},
  // Health declarations and epidemic areas.
  'POST /api/v1/declarations': {
    kind: 'domestic',
    fullName: 'Nguyễn Văn An',
    yearOfBirth: 1985,
    gender: 'male',
    phone: '0912 345 678',
    residence: { unitCode: '06184', address: 'Thôn 1' },
    visits: [{ unitCode: '48', from: '2026-11-15', to: '2026-11-16' }],
    symptoms: ['fever'],
    contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: false },
    consent: true,
    website: '',
  },
  // nextFollowUp may be null (it clears the day), so it is not a field to put a wrong null in.
  'PATCH /api/v1/declarations/:id': { status: 'contacted', note: 'x' },
  'POST /api/v1/declarations/:id/checks': { day: '2026-11-23', symptoms: [] },
  'POST /api/v1/declarations/:id/self-report-key': {},
  'POST /api/v1/declarations/self-report': { receipt: '2222-2222', key: 'x' },
  'POST /api/v1/declarations/self-report/checks': { receipt: '2222-2222', key: 'x', day: '2026-11-23', symptoms: [] },
  'POST /api/v1/epidemic-areas': { name: 'x', unitCode: '48', from: '2026-11-01' },
  'PATCH /api/v1/epidemic-areas/:id': { name: 'x', from: '2026-11-02' },
  'DELETE /api/v1/epidemic-areas/:id': {},
  'PUT /api/v1/health-stations/:code': { phone: '0205 3870 000' },
};

const concrete = (url: string) => url.replace(':id', '1').replace(':code', '06184').replace(':roundNo', '1').replace(':recipientId', '1');

describeEachDialect('bad input on every route', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let writes: { method: string; url: string }[];
  let reads: { method: string; url: string }[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { BLUEZONE_LOGIN_RATE_LIMIT: '100000', BLUEZONE_VERIFY_RATE_LIMIT: '100000' });
    admin = await login(t.app);
    // Notice 1 exists, so a retirement that let a bad body through would change the database.
    await t.services.notices.create(TOP_VIEWER, { title: 'Thông báo', body: 'Nội dung' });
    const routes = routeAccessTable(t.app);
    writes = routes.filter((r) => r.method !== 'GET' && r.url !== '/api/v1/auth/logout');
    reads = routes.filter((r) => r.method === 'GET');
  });
  afterAll(async () => t?.close());

  /** Sends every request, then checks each answer and that nothing was written. */
  const expectRefusedAndNothingWritten = async (requests: InjectOptions[]) => {
    const before = await databaseSnapshot(t.database.db);
    for (const request of requests) {
      const response = await t.app.inject({ ...request, headers: { ...admin.headers, ...(request.headers as object) } });
      const where = `${request.method} ${request.url} ${JSON.stringify(request.payload ?? '').slice(0, 80)} (FUZZ_SEED=${SEED})`;
      expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, where).toBeLessThan(500);
      expect(response.json<{ error: { code: string } }>().error.code, where).toMatch(/^[a-z_]+$/);
    }
    expect(await databaseSnapshot(t.database.db)).toBe(before);
  };

  it('has a body shape for every write route', () => {
    expect(writes.map((r) => `${r.method} ${r.url}`).filter((route) => !(route in SHAPES))).toEqual([]);
  });

  it('refuses malformed JSON', async () => {
    // Only text that is not JSON: `{` and a random string can happen to be an object (`{ }`, `{}`), which a route
    // whose body is optional rightly takes.
    const notJson = (text: string) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    };
    const bodies = sample(fc.oneof(fc.string().map((s) => `{${s}`).filter(notJson), fc.constantFrom('', '{', '{"a":}', '[1,]', 'nul', '{"a":1}}', '\u0000')));
    await expectRefusedAndNothingWritten(
      writes.flatMap((r) => bodies.map((payload) => ({ method: r.method as 'POST', url: concrete(r.url), payload, headers: { 'content-type': 'application/json' } }))),
    );
  });

  it('refuses values of the wrong type, anywhere in the body', async () => {
    // Never undefined: a field left out is not a wrong value (optional fields may be left out).
    const values = sample(fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom(null, 1e308, -1, [], {}, true, ''))).filter((v) => v !== undefined);
    await expectRefusedAndNothingWritten(
      writes.flatMap((r) => {
        const shape = SHAPES[`${r.method} ${r.url}`]!;
        // A wrong value in each field of the shape, and a wrong body as a whole.
        return Object.keys(shape).flatMap((field) =>
          values
            .filter((v) => typeof v !== typeof shape[field])
            .map((value) => ({ method: r.method as 'POST', url: concrete(r.url), payload: JSON.stringify({ ...shape, [field]: value }), headers: { 'content-type': 'application/json' } })),
        ).concat([...values.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), ...(r.method === 'PATCH' ? [{}] : [])].map((value) => ({ method: r.method as 'POST', url: concrete(r.url), payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } })));
      }),
    );
  });

  it('refuses NUL and other control characters in every string field, path and query', async () => {
    const texts = sample(fc.tuple(fc.string({ maxLength: 8 }), CONTROL, fc.string({ maxLength: 8 })).map((parts) => parts.join('')));
    await expectRefusedAndNothingWritten([
      ...writes.flatMap((r) => {
        const shape = SHAPES[`${r.method} ${r.url}`]!;
        return Object.keys(shape)
          .filter((field) => typeof shape[field] === 'string')
          .flatMap((field) => texts.map((text) => ({ method: r.method as 'POST', url: concrete(r.url), payload: { ...shape, [field]: text } })));
      }),
      ...reads.flatMap((r) => texts.slice(0, 5).map((text) => ({ method: 'GET' as const, url: `${concrete(r.url)}?q=${encodeURIComponent(text)}&unit=${encodeURIComponent(text)}` }))),
      ...texts.slice(0, 5).map((text) => ({ method: 'PATCH' as const, url: `/api/v1/units/${encodeURIComponent(text)}`, payload: { name: 'x' } })),
    ]);
  });

  it('refuses huge and deeply nested bodies', async () => {
    const limit = t.config.http.bodyLimit;
    await expectRefusedAndNothingWritten(
      writes.flatMap((r) => [
        { method: r.method as 'POST', url: concrete(r.url), payload: JSON.stringify({ ...SHAPES[`${r.method} ${r.url}`], padding: 'A'.repeat(limit) }), headers: { 'content-type': 'application/json' } },
        { method: r.method as 'POST', url: concrete(r.url), payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, headers: { 'content-type': 'application/json' } },
        { method: r.method as 'POST', url: concrete(r.url), payload: JSON.stringify({ ...SHAPES[`${r.method} ${r.url}`], extra: JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) }), headers: { 'content-type': 'application/json' } },
      ]),
    );
  });

  it('refuses bodies that are not JSON', async () => {
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx'];
    await expectRefusedAndNothingWritten(
      writes.flatMap((r) => types.map((type) => ({ method: r.method as 'POST', url: concrete(r.url), payload: JSON.stringify(SHAPES[`${r.method} ${r.url}`]), headers: { 'content-type': type } }))),
    );
  });

  it('refuses ids that are not in canonical decimal', async () => {
    const ids = ['03', '+3', '3e0', '0x3', '3.0', '0', '-1', '1%20', '%201', '9'.repeat(20), 'abc'];
    await expectRefusedAndNothingWritten(
      writes.filter((r) => r.url.includes(':id')).flatMap((r) => ids.map((id) => ({ method: r.method as 'PATCH', url: r.url.replace(':id', id), payload: SHAPES[`${r.method} ${r.url}`] }))),
    );
  });
});
