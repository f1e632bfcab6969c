import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RiskLevel,
  TEK_ROLLING_PERIOD,
  aggregateRisk,
  calculateExposureKeyHmac,
  bluezoneRiskConfiguration,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encodeMetadata,
  encryptAssociatedMetadata,
  findExposureWindows,
  generateTemporaryExposureKey,
  proximityRuleAttenuationAt,
  readExportZip,
  rollingStartIntervalNumber,
  verifyExportZip,
  type ExportKey,
  type Sighting,
} from '@bluezone/protocol';
import { nodeCryptoBackend } from '@bluezone/protocol/node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from './support/http.js';
import { REPO_ROOT, type RunningServer, startServer } from './support/server.js';

const DAY = 86_400;
const backend = nodeCryptoBackend;

interface PhoneKey {
  tek: Uint8Array;
  rollingStartIntervalNumber: number;
}

/** Phone A, the confirmed case: one key a day for the 14 days before today. */
function fourteenDaysOfKeys(nowSeconds: number): PhoneKey[] {
  return Array.from({ length: 14 }, (_, i) => ({
    tek: generateTemporaryExposureKey(backend.randomBytes),
    rollingStartIntervalNumber: rollingStartIntervalNumber(nowSeconds - (i + 1) * DAY),
  }));
}

/**
 * What phone B recorded while near phone A: its RPI and AEM (tx power 0 dBm) every 5 minutes, at the RSSI the
 * proximity rule puts at 1 m.
 */
function sightingsOf(key: PhoneKey, firstSeconds: number, minutes: number): Sighting[] {
  const rpik = deriveRollingProximityIdentifierKey(key.tek, backend);
  const aemk = deriveAssociatedEncryptedMetadataKey(key.tek, backend);
  const metadata = encodeMetadata({ versionMajor: 1, versionMinor: 0, txPowerDbm: 0, calibrationConfidence: 0 });
  const sightings: Sighting[] = [];
  for (let offset = 0; offset <= minutes * 60; offset += 300) {
    const timestamp = firstSeconds + offset;
    const rpi = deriveRollingProximityIdentifiers(rpik, Math.floor(timestamp / 600), 1, backend);
    sightings.push({ rpi, aem: encryptAssociatedMetadata(aemk, rpi, metadata, backend), timestamp, rssi: -Math.round(proximityRuleAttenuationAt(1)) });
  }
  return sightings;
}

/** Other phones phone B passed: random identifiers, which must match nothing (padding keys included). */
function strangers(count: number, fromSeconds: number): Sighting[] {
  return Array.from({ length: count }, (_, i) => ({ rpi: backend.randomBytes(16), aem: backend.randomBytes(4), timestamp: fromSeconds + i * 97, rssi: -62 }));
}

/** Runs the command line beside the server, on its data directory and database. */
function bluezone(server: RunningServer, databaseUrl: string | undefined, ...args: string[]) {
  const result = spawnSync(process.execPath, ['apps/cli/bin/bluezone.js', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, BLUEZONE_DATA_DIR: server.dataDir, DATABASE_URL: databaseUrl ?? '', BLUEZONE_EXPORT_SETTLE: '0' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// The whole exposure-notification path through the real server over HTTP: an officer issues a code, a confirmed
// person's phone publishes 14 days of keys with it, the export is cut, and another phone that met that person
// downloads, verifies and matches the files and concludes it is a close contact (F1). On SQLite, and on
// PostgreSQL (a fresh schema) when TEST_DATABASE_URL is set.
describe.each([
  { dialect: 'sqlite', skip: false },
  { dialect: 'postgres', skip: postgresUrl === undefined },
])('exposure notification end to end [$dialect]', ({ dialect, skip }) => {
  let server: RunningServer;
  let databaseUrl: string | undefined;
  let dropSchema = async () => {};
  beforeAll(async () => {
    if (skip) return;
    if (dialect === 'postgres') {
      const schema = `bz_e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      dropSchema = async () => {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      };
      databaseUrl = `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    server = await startServer({ env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  });
  afterAll(async () => {
    await server?.stop();
    await dropSchema();
  });

  it.skipIf(skip)('takes keys from a confirmed case to an F1 verdict on a phone that met them', async () => {
    expect(server.output()).toContain(dialect === 'postgres' ? '(database: PostgreSQL)' : 'bluezone.sqlite');
    const nowSeconds = Math.floor(Date.now() / 1000);
    const phoneA = fourteenDaysOfKeys(nowSeconds);

    await publishKeys(server, phoneA);

    // The export: the worker cut its first batch at start; `bluezone export run` cuts the rest up to now.
    const run = bluezone(server, databaseUrl, 'export', 'run', '--json');
    expect(run, run.err).toMatchObject({ code: 0 });
    expect(run.out.trim().split('\n').length).toBeGreaterThanOrEqual(1);

    // Phone B met phone A two days ago, for 20 minutes, and many other phones since.
    const metKey = phoneA[1]!;
    const metAt = metKey.rollingStartIntervalNumber * 600 + 10 * 3600;
    const sightings = [...strangers(400, nowSeconds - 3 * DAY), ...sightingsOf(metKey, metAt, 20), ...strangers(400, nowSeconds - DAY)];

    const phoneB = new HttpSession(server.baseUrl);
    const published = (await phoneB.request('GET', '/api/v1/export-keys')).json as unknown as Array<{ keyId: string; version: string; publicKeyPem: string }>;
    expect(published.length).toBeGreaterThanOrEqual(1);
    const index = await fetch(`${server.baseUrl}/exports/VN/index.txt`);
    expect(index.status).toBe(200);
    const files = (await index.text()).split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThanOrEqual(1);

    const keys: ExportKey[] = [];
    for (const name of files) {
      const response = await fetch(`${server.baseUrl}/exports/${name}`);
      expect(response.status, name).toBe(200);
      const zip = new Uint8Array(await response.arrayBuffer());
      const signer = readExportZip(zip).signatures[0]!.signatureInfo;
      const key = published.find((k) => k.keyId === signer.verificationKeyId && k.version === signer.verificationKeyVersion);
      expect(key, `no published key ${signer.verificationKeyId} ${signer.verificationKeyVersion}`).toBeDefined();
      expect(verifyExportZip(zip, key!.publicKeyPem, { verificationKeyId: key!.keyId, verificationKeyVersion: key!.version })).toMatchObject({ valid: true });
      const content = readExportZip(zip).export;
      expect(content.region).toBe('VN');
      keys.push(...content.keys);
    }
    // All 14 of phone A's keys went out, hidden among padding.
    const hex = new Set(keys.map((k) => Buffer.from(k.keyData).toString('hex')));
    for (const k of phoneA) expect(hex.has(Buffer.from(k.tek).toString('hex'))).toBe(true);
    expect(keys.length).toBeGreaterThanOrEqual(1000);

    // The operator's tools agree with the phone.
    const pem = join(server.dataDir, 'export-key.pem');
    writeFileSync(pem, published[0]!.publicKeyPem);
    const zipOnDisk = join(server.dataDir, 'exports', files.at(-1)!);
    expect(bluezone(server, databaseUrl, 'export', 'verify', zipOnDisk, '--public-key', pem)).toMatchObject({ code: 0, out: 'valid\n' });
    expect(bluezone(server, databaseUrl, 'export', 'inspect', '--json', zipOnDisk)).toMatchObject({ code: 0, out: expect.stringContaining('"region":"VN"') });

    // Health officers see the files and their sizes in the statistics.
    const officer = new HttpSession(server.baseUrl);
    await officer.login('cdc-officer', 'officer-Pass-2026');
    const stats = await officer.request('GET', '/api/v1/stats/exposure-notification');
    expect(stats.status, stats.text).toBe(200);
    expect((stats.json?.exportFiles as Array<{ name: string }>).map((f) => f.name)).toEqual(files);

    const { matches, windows } = findExposureWindows(keys, sightings, { nowSeconds, backend });
    const matched = new Set(matches.map((m) => Buffer.from(keys[m.keyIndex]!.keyData).toString('hex')));
    expect([...matched]).toEqual([Buffer.from(metKey.tek).toString('hex')]);
    expect(windows.length).toBeGreaterThanOrEqual(1);
    const risk = aggregateRisk(windows, bluezoneRiskConfiguration);
    expect(risk.totalRiskLevel).toBe(RiskLevel.high); // F1
  });
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The upload, as Google's verification and key servers shape it: an officer issues a code; the phone exchanges it
 * for a token, then for a certificate bound by HMAC to its keys, then publishes the keys with that certificate.
 */
async function publishKeys(server: RunningServer, keys: PhoneKey[]): Promise<void> {
  const admin = new HttpSession(server.baseUrl);
  expect((await admin.login('admin', server.adminPassword)).status).toBe(200);
  const created = await admin.request('POST', '/api/v1/users', {
    username: 'cdc-officer',
    displayName: 'Cán bộ CDC Lạng Sơn',
    password: 'officer-Pass-2026',
    role: 'health_officer',
    unitCode: '20',
  });
  expect(created.status, created.text).toBe(201);
  const officer = new HttpSession(server.baseUrl);
  expect((await officer.login('cdc-officer', 'officer-Pass-2026')).status).toBe(200);
  const symptomDate = new Date(Date.now() - 4 * DAY * 1000).toISOString().slice(0, 10);
  const issued = await officer.request('POST', '/api/v1/codes', { testType: 'confirmed', symptomDate });
  expect(issued.status, issued.text).toBeLessThan(300);
  const code = issued.json?.code;
  expect(code, issued.text).toMatch(/^\d{6,}$/);

  // The phone: no session, no identity.
  const phone = new HttpSession(server.baseUrl);
  const verified = await phone.request('POST', '/api/v1/verify', { code: code as string });
  expect(verified.status, verified.text).toBe(200);
  const uploads = keys.map((k) => ({ key: base64(k.tek), rollingStartNumber: k.rollingStartIntervalNumber, rollingPeriod: TEK_ROLLING_PERIOD, transmissionRisk: 0 }));
  const hmacKey = backend.randomBytes(32);
  const ekeyhmac = calculateExposureKeyHmac(
    uploads.map((u) => ({ key: u.key, rollingStartIntervalNumber: u.rollingStartNumber, rollingPeriod: u.rollingPeriod, transmissionRisk: u.transmissionRisk })),
    hmacKey,
    backend,
  );
  const certificate = await phone.request('POST', '/api/v1/certificate', { token: verified.json?.token, ekeyhmac });
  expect(certificate.status, certificate.text).toBe(200);
  const published = await phone.request('POST', '/api/v1/publish', {
    temporaryExposureKeys: uploads,
    healthAuthorityID: 'vn.bluezone',
    verificationPayload: certificate.json?.certificate,
    hmacKey: base64(hmacKey),
  });
  expect(published.status, published.text).toBe(200);
  expect(published.json?.insertedExposures).toBe(keys.length);
}
