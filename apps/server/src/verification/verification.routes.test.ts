import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { signEs256Jwt } from '../platform/es256-jwt.js';
import { describeEachDialect } from '../test-support/databases.js';
import { loadVerificationSecrets } from './signing-key.js';
import { createTestApp, errorCode, login, type Session, type TestApp, TOP_VIEWER } from '../test-support/test-app.js';

const EKEYHMAC = Buffer.alloc(32, 7).toString('base64');

describeEachDialect('upload codes, verify and certificate over HTTP', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let clerk: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { BLUEZONE_VERIFY_RATE_LIMIT: '5' });
    admin = await login(t.app);
    const actor = { id: null, username: 'test', unitCode: null };
    await t.services.users.create(actor, { username: 'bs.lan', displayName: 'Bác sĩ Lan', password: 'officer password', role: 'health_officer', unitCode: '20' });
    await t.services.users.create(actor, { username: 'clerk', displayName: 'Clerk', password: 'officer password', role: 'unit_officer', unitCode: '20' });
    officer = await login(t.app, 'bs.lan', 'officer password');
    clerk = await login(t.app, 'clerk', 'officer password');
  });
  afterAll(async () => t?.close());

  // Sessions end after 30 idle minutes: moving the clock further signs everyone in again.
  const advance = async (seconds: number) => {
    t.clock.advance(seconds);
    admin = await login(t.app);
    officer = await login(t.app, 'bs.lan', 'officer password');
    clerk = await login(t.app, 'clerk', 'officer password');
  };

  let ip = 0;
  // Each verify comes from its own address unless a test is about the rate limit.
  const verify = (code: string, headers: Record<string, string> = {}, remoteAddress = `10.0.0.${++ip}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code }, headers, remoteAddress });
  const issue = async (body: object = { testType: 'confirmed', symptomDate: '2026-11-20' }, session = officer) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: session.headers, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ uuid: string; code: string; longCode: string; expiresAt: string; longExpiresAt: string }>();
  };
  const certificate = (token: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/certificate', payload: { token, ekeyhmac: EKEYHMAC }, headers });

  it('issues an 8-digit code for 15 minutes and a 16-character long code for 24 hours, audited', async () => {
    const issued = await issue();
    expect(issued.code).toMatch(/^\d{8}$/);
    expect(issued.longCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{16}$/);
    expect(issued.expiresAt).toBe('2026-11-23T08:15:00.000Z');
    expect(issued.longExpiresAt).toBe('2026-11-24T08:00:00.000Z');
    const audit = await t.services.audit.list(TOP_VIEWER, { limit: 10, action: 'verification_code.issue' });
    expect(audit.entries[0]).toMatchObject({ actorUsername: 'bs.lan', targetId: issued.uuid, detail: { testType: 'confirmed' } });
  });

  it('stores only hashes of codes, never the codes', async () => {
    const issued = await issue();
    const rows = await t.database.db.selectFrom('verification_codes').selectAll().where('uuid', '=', issued.uuid).execute();
    expect(JSON.stringify(rows)).not.toContain(issued.code);
    expect(JSON.stringify(rows)).not.toContain(issued.longCode);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets only health officers and administrators issue and list codes', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: clerk.headers, payload: { testType: 'confirmed' } });
    expect(errorCode(refused)).toBe('forbidden');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/api/v1/codes', headers: clerk.headers }))).toBe('forbidden');
    expect(errorCode(await t.app.inject({ method: 'POST', url: '/api/v1/codes', payload: { testType: 'confirmed' } }))).toBe('unauthenticated');
    await issue({ testType: 'likely' }, admin);
  });

  it('refuses a symptom date in the future or not on the calendar', async () => {
    for (const symptomDate of ['2026-11-24', '2026-02-30']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: officer.headers, payload: { testType: 'confirmed', symptomDate } });
      expect(errorCode(response)).toBe('validation_failed');
    }
  });

  it('exchanges a code once for a token that carries the test type and dates', async () => {
    const issued = await issue({ testType: 'likely', symptomDate: '2026-11-20', testDate: '2026-11-22' });
    const response = await verify(issued.code);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ token: string; testType: string; symptomDate: string; testDate: string; padding: string }>();
    expect(body).toMatchObject({ testType: 'likely', symptomDate: '2026-11-20', testDate: '2026-11-22' });
    expect(body.padding.length).toBeGreaterThan(100);
    // Read back only by this server: an HMAC under its secret, not a signature (see VerificationService).
    expect(decodeProtectedHeader(body.token).alg).toBe('HS256');
    const claims = decodeJwt(body.token);
    expect(claims).toMatchObject({ iss: 'bluezone-verification', sub: 'likely.2026-11-20.2026-11-22' });
    expect(claims.exp! - claims.iat!).toBe(24 * 3600);

    const again = await verify(issued.code);
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('invalid_code');
  });

  it('accepts the long code, in any case, and then neither code', async () => {
    const issued = await issue();
    expect((await verify(issued.longCode.toLowerCase())).statusCode).toBe(200);
    expect(errorCode(await verify(issued.code))).toBe('invalid_code');
  });

  it('answers the same for unknown, used and expired codes', async () => {
    const issued = await issue();
    await advance(15 * 60);
    const expired = await verify(issued.code);
    const unknown = await verify('00000000');
    const used = await verify((await issue()).code).then(() => verify('x'));
    for (const r of [expired, unknown, used]) {
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toEqual({ code: 'invalid_code', message: 'the code is not valid' });
      // Refusals are padded like successes, so their size does not tell a failed upload from chaff.
      expect(r.body.length).toBeGreaterThan(4000);
    }
    // The long code lives on after the short one expired.
    expect((await verify(issued.longCode)).statusCode).toBe(200);
  });

  it('lists codes with their state and no codes or personal data', async () => {
    const unclaimed = await issue();
    const claimed = await issue();
    await verify(claimed.code);
    const expired = await issue();
    await advance(24 * 3600);
    const fresh = await issue();
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/codes', headers: officer.headers })).json<{ codes: Array<{ uuid: string; state: string }> }>();
    const state = (uuid: string) => list.codes.find((c) => c.uuid === uuid)?.state;
    expect(state(unclaimed.uuid)).toBe('expired');
    expect(state(expired.uuid)).toBe('expired');
    expect(state(claimed.uuid)).toBe('claimed');
    expect(state(fresh.uuid)).toBe('unclaimed');
    expect(JSON.stringify(list)).not.toContain(fresh.code);
    // The administrator's code is not in the officer's list; the administrator sees every code.
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/codes', headers: admin.headers })).json<{ codes: unknown[] }>();
    expect(all.codes.length).toBeGreaterThan(list.codes.length);
  });

  it('exchanges a token once for an ES256 certificate with Google verification claims', async () => {
    const { token } = (await verify((await issue({ testType: 'confirmed', symptomDate: '2026-11-20', testDate: '2026-11-21' })).code)).json<{ token: string }>();
    const response = await certificate(token);
    expect(response.statusCode, response.body).toBe(200);
    const cert = response.json<{ certificate: string }>().certificate;
    const claims = decodeJwt(cert);
    expect(claims).toMatchObject({
      iss: 'bluezone-verification',
      aud: 'bluezone-exposure',
      reportType: 'confirmed',
      symptomOnsetInterval: Date.parse('2026-11-20T00:00:00Z') / 600_000,
      testDateInterval: Date.parse('2026-11-21T00:00:00Z') / 600_000,
      tekmac: EKEYHMAC,
    });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    expect(claims.nbf).toBe(claims.iat);
    const again = await certificate(token);
    expect(errorCode(again)).toBe('token_used');
  });

  it('forgets used tokens once they have expired, not before', async () => {
    const { token } = (await verify((await issue()).code)).json<{ token: string }>();
    expect((await certificate(token)).statusCode).toBe(200);
    const { jti } = decodeJwt(token);
    const kept = async () => (await t.database.db.selectFrom('verification_tokens_used').select('jti').where('jti', '=', jti!).execute()).length;
    await t.services.verification.sweepUsedTokens();
    expect(await kept()).toBe(1);
    await advance(24 * 3600);
    expect(await t.services.verification.sweepUsedTokens()).toBeGreaterThanOrEqual(1);
    expect(await kept()).toBe(0);
  });

  it('still accepts, once, a token an earlier version signed ES256 with the signing key', async () => {
    const { token } = (await verify((await issue({ testType: 'likely' })).code)).json<{ token: string }>();
    const { privateKey } = loadVerificationSecrets(t.config.verification.dir);
    const earlier = signEs256Jwt(privateKey, decodeJwt(token));
    expect((await certificate(earlier)).statusCode).toBe(200);
    expect(errorCode(await certificate(token))).toBe('token_used');
    // Another key's ES256 token is refused as before.
    const stranger = signEs256Jwt(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, decodeJwt(token));
    expect(errorCode(await certificate(stranger))).toBe('token_invalid');
  });

  it('refuses a forged, altered or expired token', async () => {
    const { token } = (await verify((await issue()).code)).json<{ token: string }>();
    const [h, p, s] = token.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'confirmed..' })).toString('base64url')}.${s}`;
    expect(errorCode(await certificate(altered))).toBe('token_invalid');
    expect(errorCode(await certificate(`${h}.${p}.${s!.slice(0, -4)}AAAA`))).toBe('token_invalid');
    expect(errorCode(await certificate('not a token'))).toBe('token_invalid');
    await advance(24 * 3600 + 1);
    expect(errorCode(await certificate(token))).toBe('token_invalid');
  });

  it('answers chaff in the same shape and writes nothing', async () => {
    const issued = await issue();
    const codesBefore = await t.database.db.selectFrom('verification_codes').select('claimed_at').where('uuid', '=', issued.uuid).executeTakeFirstOrThrow();
    const chaff = await verify(issued.code, { 'x-chaff': '1' });
    expect(chaff.statusCode).toBe(200);
    expect(Object.keys(chaff.json()).sort()).toEqual(['padding', 'testType', 'token']);
    const after = await t.database.db.selectFrom('verification_codes').select('claimed_at').where('uuid', '=', issued.uuid).executeTakeFirstOrThrow();
    expect(after).toEqual(codesBefore);
    // The chaff token is signed by a key nobody trusts: it cannot become a certificate.
    expect(errorCode(await certificate(chaff.json<{ token: string }>().token))).toBe('token_invalid');
    // The real code still works once.
    const { token } = (await verify(issued.code)).json<{ token: string }>();
    const used = await t.database.db.selectFrom('verification_tokens_used').select('jti').execute();
    const fakeCert = await certificate(token, { 'x-chaff': '1' });
    expect(fakeCert.statusCode).toBe(200);
    expect(Object.keys(fakeCert.json()).sort()).toEqual(['certificate', 'padding']);
    expect(await t.database.db.selectFrom('verification_tokens_used').select('jti').execute()).toEqual(used);
    expect((await certificate(token)).statusCode).toBe(200);
  });

  it('limits verify attempts per address, and not other addresses', async () => {
    const from = '192.0.2.50';
    for (let i = 0; i < 5; i++) expect(errorCode(await verify('12345678', {}, from))).toBe('invalid_code');
    const limited = await verify('12345678', {}, from);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('rate_limited');
    expect(errorCode(await verify('12345678', {}, '192.0.2.51'))).toBe('invalid_code');
    await advance(60);
    expect(errorCode(await verify('12345678', {}, from))).toBe('invalid_code');
  });

  it('refuses an oversized body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: '1', padding: 'A'.repeat(70_000) } });
    expect(errorCode(response)).toBe('body_too_large');
  });

  it('never logs a client address or a query string, on any route, with or without a trailing slash', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) });
    const logged = await buildApp({ config: t.config, services: t.services, logger: { level: 'info', stream } });
    try {
      await logged.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: '00000000' }, remoteAddress: '203.0.113.77' });
      await logged.inject({ method: 'POST', url: '/api/v1/certificate', payload: { token: 'x', ekeyhmac: EKEYHMAC }, remoteAddress: '203.0.113.77' });
      await logged.inject({ method: 'POST', url: '/api/v1/publish', payload: {}, remoteAddress: '203.0.113.77' });
      await logged.inject({ method: 'POST', url: '/api/v1/verify/', payload: { code: '00000000' }, remoteAddress: '203.0.113.77' });
      await logged.inject({ method: 'GET', url: '/api/v1/units?q=le%20van%20nam', headers: admin.headers, remoteAddress: '203.0.113.77' });
      const log = lines.join('');
      expect(log).toContain('"url":"/api/v1/verify/"');
      expect(log).toContain('"url":"/api/v1/units"');
      expect(log).not.toContain('203.0.113.77');
      expect(log).not.toContain('le%20van');
    } finally {
      await logged.close();
    }
  });

  it('reports codes issued and claimed per day, under 10 as "<10"', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/stats/exposure-notification', headers: clerk.headers });
    expect(errorCode(refused)).toBe('forbidden');
    for (let i = 0; i < 10; i++) await issue();
    const stats = (await t.app.inject({ method: 'GET', url: '/api/v1/stats/exposure-notification', headers: officer.headers })).json<{
      days: Array<{ date: string; codesIssued: number | string; codesClaimed: number | string; keysPublished: number | string }>;
      exportFiles: unknown[];
    }>();
    expect(stats.days).toHaveLength(15);
    const today = stats.days.at(-1)!;
    expect(today.date).toBe(t.clock.now().toISOString().slice(0, 10));
    expect(today.codesIssued).toBeGreaterThanOrEqual(10);
    expect(today.codesClaimed).toBe('<10');
    expect(today.keysPublished).toBe('<10');
    expect(stats.days[0]).toMatchObject({ codesIssued: '<10', codesClaimed: '<10' });
    expect(stats.exportFiles).toEqual([]);
  });

  it('counts a code on the Vietnamese day it was issued, not the UTC day', async () => {
    // 23:30 UTC on 1 December is 06:30 on 2 December in Hà Nội.
    t.clock.advance((Date.parse('2026-12-01T23:30:00Z') - t.clock.now().getTime()) / 1000);
    officer = await login(t.app, 'bs.lan', 'officer password');
    for (let i = 0; i < 10; i++) await issue();
    const days = (await t.app.inject({ method: 'GET', url: '/api/v1/stats/exposure-notification', headers: officer.headers })).json().days;
    expect(days.at(-1)).toMatchObject({ date: '2026-12-02', codesIssued: 10 });
  });
});
