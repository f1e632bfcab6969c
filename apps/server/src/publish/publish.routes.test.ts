import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { calculateExposureKeyHmac } from '@bluezone/protocol';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { createTestApp, errorCode, login, type TestApp } from '../test-support/test-app.js';
import { keysHmacMessage } from './publish.model.js';

interface UploadKey {
  key: string;
  rollingStartNumber: number;
  rollingPeriod: number;
  transmissionRisk?: number;
}

describeEachDialect('publishing keys over HTTP', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const nowInterval = () => Math.floor(t.clock.now().getTime() / 600_000);
  const today = () => Math.floor(nowInterval() / 144) * 144;
  /** The keys of the 14 days before today, one a day, as a phone uploads them. */
  const fourteenDays = (): UploadKey[] =>
    Array.from({ length: 14 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: today() - (i + 1) * 144, rollingPeriod: 144, transmissionRisk: 0 }));
  const wellFormed = (keys: UploadKey[]) => keys.every((k) => /^[A-Za-z0-9+/]{22}==$/.test(k.key));
  // The protocol package's HMAC (what a phone runs) for well-formed keys; the same text by hand for malformed ones.
  const tekmac = (keys: UploadKey[], hmacKey: Buffer) =>
    !wellFormed(keys) ? createHmac('sha256', hmacKey).update(keysHmacMessage(keys, false)).digest('base64') : calculateExposureKeyHmac(
      keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: k.transmissionRisk ?? 0 })),
      hmacKey,
    );

  /** Code → token → certificate for these keys, as a phone does; returns the certificate and its HMAC key. */
  async function certify(keys: UploadKey[], testType = 'confirmed', symptomDate?: string) {
    const admin = await login(t.app);
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: admin.headers, payload: { testType, ...(symptomDate ? { symptomDate } : {}) } });
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: issued.json<{ code: string }>().code } })).json<{ token: string }>();
    const hmacKey = randomBytes(32);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/certificate', payload: { token, ekeyhmac: tekmac(keys, hmacKey) } });
    expect(response.statusCode, response.body).toBe(200);
    return { certificate: response.json<{ certificate: string }>().certificate, hmacKey: hmacKey.toString('base64') };
  }

  const publish = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/publish', payload: { healthAuthorityID: 'vn.bluezone', ...body }, headers });

  async function upload(keys: UploadKey[], testType = 'confirmed', extra: Record<string, unknown> = {}) {
    const { certificate, hmacKey } = await certify(keys, testType);
    return publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey, ...extra });
  }

  const stored = (key: string) =>
    t.database.db.selectFrom('exposures').selectAll().where('key_data', '=', Buffer.from(key, 'base64')).executeTakeFirst();
  const countExposures = async () => Number((await t.database.db.selectFrom('exposures').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('publishes 14 days of keys with a certificate, as bytes, with the default risk and days since onset', async () => {
    const keys = fourteenDays();
    const symptomDate = new Date((today() - 3 * 144) * 600_000).toISOString().slice(0, 10);
    const { certificate, hmacKey } = await certify(keys, 'confirmed', symptomDate);
    const response = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey, traveler: true, padding: 'AAAA' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ insertedExposures: number; revisionToken: string; padding: string; warnings?: string[] }>();
    expect(body.insertedExposures).toBe(14);
    expect(body.warnings).toBeUndefined();
    expect(body.padding.length).toBeGreaterThan(100);
    const row = await stored(keys[0]!.key);
    expect(Buffer.from(row!.key_data)).toEqual(Buffer.from(keys[0]!.key, 'base64'));
    expect(row).toMatchObject({ report_type: 'confirmed', transmission_risk: 2, days_since_onset: 2, traveler: 1, health_authority: 'vn.bluezone', available_at: t.clock.now().toISOString() });
    expect((await stored(keys[13]!.key))!.days_since_onset).toBe(-11);
  });

  it('embargoes a key still in use until it expires', async () => {
    const keys = [{ key: randomBytes(16).toString('base64'), rollingStartNumber: today(), rollingPeriod: 144 }];
    expect((await upload(keys)).statusCode).toBe(200);
    expect((await stored(keys[0]!.key))!.available_at).toBe(new Date((today() + 144) * 600_000).toISOString());
  });

  it('drops keys from the future, too old or malformed with warnings, and publishes the rest', async () => {
    const good = fourteenDays().slice(0, 2);
    const keys = [...good, { key: randomBytes(16).toString('base64'), rollingStartNumber: today() + 144, rollingPeriod: 144 }, { key: '!!not-base64!!', rollingStartNumber: today() - 5 * 144 + 1, rollingPeriod: 1 }, { key: randomBytes(16).toString('base64'), rollingStartNumber: today() - 20 * 144, rollingPeriod: 144 }];
    const response = await upload(keys);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ insertedExposures: number; warnings: string[] }>();
    expect(body.insertedExposures).toBe(2);
    expect(body.warnings).toHaveLength(3);
    expect(await stored(keys[2]!.key)).toBeUndefined();
  });

  it('refuses a publish whose keys are all invalid', async () => {
    const before = await countExposures();
    const response = await upload([{ key: randomBytes(16).toString('base64'), rollingStartNumber: today() + 288, rollingPeriod: 144 }]);
    expect(errorCode(response)).toBe('invalid_key');
    expect(await countExposures()).toBe(before);
  });

  it('refuses more than 30 keys, and 4 keys on one start interval', async () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: today() - 144 - i * 10, rollingPeriod: 10 }));
    expect(errorCode(await upload(many))).toBe('too_many_keys');
    const overlapping = Array.from({ length: 4 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: today() - 144, rollingPeriod: 10 + i }));
    expect(errorCode(await upload(overlapping))).toBe('overlapping_keys');
  });

  it('refuses keys that do not match the certificate HMAC, or a wrong HMAC key', async () => {
    const keys = fourteenDays();
    const { certificate, hmacKey } = await certify(keys);
    const other = await publish({ temporaryExposureKeys: [...keys.slice(1), fourteenDays()[0]!], verificationPayload: certificate, hmacKey });
    expect(errorCode(other)).toBe('hmac_mismatch');
    const wrongKey = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey: randomBytes(32).toString('base64') });
    expect(errorCode(wrongKey)).toBe('hmac_mismatch');
    const malformed = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey: 'not base64!' });
    expect(errorCode(malformed)).toBe('validation_failed');
    expect((await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey })).statusCode).toBe(200);
  });

  it('refuses a certificate with a bad signature, a foreign issuer, another audience, or past its 15 minutes', async () => {
    const keys = fourteenDays();
    const hmacKey = randomBytes(32);
    const forge = (issuer: string, audience: string, key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey) =>
      new SignJWT({ reportType: 'confirmed', symptomOnsetInterval: 0, testDateInterval: 0, tekmac: tekmac(keys, hmacKey) })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(t.clock.now().getTime() / 1000) + 900)
        .sign(key);
    for (const certificate of [await forge('bluezone-verification', 'bluezone-exposure'), await forge('another-verifier', 'bluezone-exposure')]) {
      const response = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey: hmacKey.toString('base64') });
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('certificate_invalid');
    }
    const real = await certify(keys);
    const [h, p, s] = real.certificate.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), reportType: 'likely' })).toString('base64url')}.${s}`;
    expect(errorCode(await publish({ temporaryExposureKeys: keys, verificationPayload: tampered, hmacKey: real.hmacKey }))).toBe('certificate_invalid');
    // A verification token is signed by the same key but is for another audience.
    t.clock.advance(15 * 60 + 1);
    expect(errorCode(await publish({ temporaryExposureKeys: keys, verificationPayload: real.certificate, hmacKey: real.hmacKey }))).toBe('certificate_invalid');
  });

  it('refuses a verification token presented as a certificate', async () => {
    const admin = await login(t.app);
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/codes', headers: admin.headers, payload: { testType: 'confirmed' } });
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: issued.json<{ code: string }>().code } })).json<{ token: string }>();
    expect(errorCode(await publish({ temporaryExposureKeys: fourteenDays(), verificationPayload: token, hmacKey: randomBytes(32).toString('base64') }))).toBe('certificate_invalid');
  });

  it('refuses an unknown health authority', async () => {
    const keys = fourteenDays();
    const { certificate, hmacKey } = await certify(keys);
    const response = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey, healthAuthorityID: 'com.example' });
    expect(errorCode(response)).toBe('unknown_health_authority');
  });

  it('refuses an oversized body and malformed JSON', async () => {
    expect(errorCode(await publish({ padding: 'A'.repeat(70_000) }))).toBe('body_too_large');
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/publish', headers: { 'content-type': 'application/json' }, payload: '{"temporaryExposureKeys":' });
    expect(errorCode(broken)).toBe('malformed_json');
  });

  it('revises likely keys to confirmed with the revision token, and not without it', async () => {
    const keys = fourteenDays();
    const first = await upload(keys, 'likely');
    expect(first.statusCode, first.body).toBe(200);
    expect((await stored(keys[0]!.key))!.transmission_risk).toBe(4);
    const revisionToken = first.json<{ revisionToken: string }>().revisionToken;

    expect(errorCode(await upload(keys, 'confirmed'))).toBe('invalid_revision_token');
    expect(errorCode(await upload(keys, 'confirmed', { revisionToken: (await upload(fourteenDays(), 'likely')).json<{ revisionToken: string }>().revisionToken }))).toBe('invalid_revision_token');

    t.clock.advance(3600);
    const revised = await upload(keys, 'confirmed', { revisionToken });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json<{ insertedExposures: number }>().insertedExposures).toBe(14);
    expect(await stored(keys[0]!.key)).toMatchObject({ report_type: 'likely', revised_report_type: 'confirmed', revised_transmission_risk: 2, revised_at: t.clock.now().toISOString() });

    // Once revised, keys are not revised again.
    const again = await upload(keys, 'negative', { revisionToken: revised.json<{ revisionToken: string }>().revisionToken });
    expect(errorCode(again)).toBe('revision_not_allowed');
  });

  it('withdraws confirmed keys after a negative test, and never turns confirmed into likely', async () => {
    const keys = fourteenDays();
    const { revisionToken } = (await upload(keys, 'confirmed')).json<{ revisionToken: string }>();
    expect(errorCode(await upload(keys, 'likely', { revisionToken }))).toBe('revision_not_allowed');
    const revoked = await upload(keys, 'negative', { revisionToken });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await stored(keys[5]!.key)).toMatchObject({ report_type: 'confirmed', revised_report_type: 'revoked' });
  });

  it('publishes no new keys on a negative test', async () => {
    const keys = fourteenDays();
    const response = await upload([...keys.slice(0, 1)], 'negative');
    expect(errorCode(response) ?? response.json<{ insertedExposures: number }>().insertedExposures).toBe(0);
    expect(await stored(keys[0]!.key)).toBeUndefined();
  });

  it('answers chaff in the same shape, checks it, and writes nothing', async () => {
    const keys = fourteenDays();
    const { certificate, hmacKey } = await certify(keys);
    const before = await countExposures();
    const chaff = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey }, { 'x-chaff': '1' });
    expect(chaff.statusCode).toBe(200);
    expect(Object.keys(chaff.json()).sort()).toEqual(['insertedExposures', 'padding', 'revisionToken']);
    const garbage = await publish({ temporaryExposureKeys: keys, verificationPayload: 'x', hmacKey: 'AAAA' }, { 'x-chaff': '1' });
    expect(garbage.statusCode).toBe(200);
    expect(Math.abs(garbage.body.length - chaff.body.length)).toBeLessThan(100);
    expect(await countExposures()).toBe(before);
    const real = await publish({ temporaryExposureKeys: keys, verificationPayload: certificate, hmacKey });
    expect(real.statusCode).toBe(200);
    expect(Math.abs(real.body.length - chaff.body.length)).toBeLessThan(100);
  });

  it('counts keys published per day in the statistics', async () => {
    const admin = await login(t.app);
    const stats = (await t.app.inject({ method: 'GET', url: '/api/v1/stats/exposure-notification', headers: admin.headers })).json<{ days: Array<{ keysPublished: number | string }> }>();
    const published = Number((await t.database.db.selectFrom('exposures').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(published).toBeGreaterThanOrEqual(10);
    expect(stats.days.at(-1)!.keysPublished).toBe(published);
  });
});
