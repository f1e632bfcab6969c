import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { TEK_ROLLING_PERIOD, calculateExposureKeyHmac, readExportZip, rollingStartIntervalNumber, verifyExportZip } from '@bluezone/protocol';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '../apps/server/src/test-support/s3-server.js';
import { HttpSession } from './support/http.js';
import { REPO_ROOT, type RunningServer, startServer } from './support/server.js';

/**
 * Two server processes on two ports behind no balancer but the test itself, on one PostgreSQL, one Redis and one
 * object store, with no directory in common: a phone's three calls land on either process, officers' sessions work
 * on both, exports are cut once whichever process asks, and a rate limit holds across both.
 */
const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const redisUrl = process.env.REDIS_URL?.trim() || undefined;
const missing = [!postgresUrl && 'TEST_DATABASE_URL', !redisUrl && 'REDIS_URL'].filter(Boolean).join(' and ');
if (missing && process.env.CI === 'true') throw new Error(`the two-process test needs ${missing} in CI`);
if (missing) console.info(`skipping "two server processes": ${missing} not set`);

const DAY = 86_400;
const RATE_LIMIT = 6;

/** A phone's request, from its own address (the servers trust X-Forwarded-For, as behind a load balancer). */
async function phonePost(base: string, route: string, body: unknown, address: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/v1/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function exportRun(server: RunningServer, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['apps/cli/bin/bluezone.js', 'export', 'run', '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, BLUEZONE_DATA_DIR: server.dataDir },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.skipIf(Boolean(missing))('two server processes on one PostgreSQL and one Redis', () => {
  let a: RunningServer;
  let b: RunningServer;
  let s3: TestS3;
  let env: Record<string, string>;
  let db: pg.Client;
  let schema: string;

  beforeAll(async () => {
    schema = `bz_e2e_${randomBytes(6).toString('hex')}`;
    db = new pg.Client({ connectionString: postgresUrl });
    await db.connect();
    await db.query(`create schema ${schema}`);
    await db.query(`set search_path to ${schema}`);
    s3 = await startTestS3();
    env = {
      DATABASE_URL: `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      REDIS_URL: redisUrl!,
      BLUEZONE_REDIS_PREFIX: schema,
      BLUEZONE_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BLUEZONE_EXPORT_S3_BUCKET: 'bluezone-exports',
      BLUEZONE_EXPORT_S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      BLUEZONE_EXPORT_SETTLE: '0',
      BLUEZONE_VERIFY_RATE_LIMIT: String(RATE_LIMIT),
      BLUEZONE_TRUST_PROXY: 'true',
    };
    // The first creates the schema, the first administrator, the signing key and the verification secrets; the
    // second finds them. Each has a data directory of its own.
    a = await startServer({ env });
    b = await startServer({ env });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await s3?.close();
    if (db) {
      await db.query(`drop schema ${schema} cascade`).catch(() => undefined);
      await db.end();
    }
  });

  it('takes uploads through both, cuts each export window once, and holds one rate limit', { timeout: 180_000 }, async () => {
    expect(a.output()).toContain('(database: PostgreSQL)');
    // An officer signs in on one process and works on the other: sessions live in the database.
    const admin = new HttpSession(a.baseUrl);
    expect((await admin.login('admin', a.adminPassword)).status).toBe(200);
    const created = await admin.request('POST', '/api/v1/users', { username: 'cdc-officer', displayName: 'Cán bộ CDC', password: 'officer-Pass-2026', role: 'health_officer', unitCode: '20' });
    expect(created.status, created.text).toBe(201);
    const officer = new HttpSession(a.baseUrl);
    expect((await officer.login('cdc-officer', 'officer-Pass-2026')).status).toBe(200);
    const cookie = officer.lastSetCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('bz_session='))!;
    // The same session, on either process.
    const asOfficer = async (server: RunningServer, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': officer.csrfToken!, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };

    // Ten phones: verify on one process, certificate on the other, publish on the first again.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const published: string[] = [];
    for (let phone = 0; phone < 10; phone++) {
      const issued = await asOfficer(phone % 2 ? a : b, 'POST', '/api/v1/codes', { testType: 'confirmed' });
      expect(issued.status, JSON.stringify(issued.json)).toBeLessThan(300);
      const [first, second] = phone % 2 ? [a, b] : [b, a];
      const address = `198.51.100.${phone + 1}`;
      const keys = Array.from({ length: 14 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: rollingStartIntervalNumber(nowSeconds - (i + 1) * DAY), rollingPeriod: TEK_ROLLING_PERIOD, transmissionRisk: 0 }));
      const hmacKey = randomBytes(32);
      const verified = await phonePost(first.baseUrl, 'verify', { code: issued.json?.code }, address);
      expect(verified.status, JSON.stringify(verified.json)).toBe(200);
      const ekeyhmac = calculateExposureKeyHmac(keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: 0 })), hmacKey);
      const certified = await phonePost(second.baseUrl, 'certificate', { token: verified.json.token, ekeyhmac }, address);
      expect(certified.status, JSON.stringify(certified.json)).toBe(200);
      const stored = await phonePost(first.baseUrl, 'publish', { temporaryExposureKeys: keys, healthAuthorityID: 'vn.bluezone', verificationPayload: certified.json.certificate, hmacKey: hmacKey.toString('base64') }, address);
      expect(stored.status, JSON.stringify(stored.json)).toBe(200);
      expect(stored.json.insertedExposures).toBe(14);
      published.push(...keys.map((k) => k.key));
    }
    expect((await asOfficer(b, 'GET', '/api/v1/codes')).json.codes).toHaveLength(10);
    expect((await asOfficer(a, 'GET', '/api/v1/codes')).json.codes).toHaveLength(10);

    // One export, asked of both at the same moment (besides the workers, which cut up to the last hour at start).
    const [runA, runB] = await Promise.all([exportRun(a, env), exportRun(b, env)]);
    expect(runA.code, runA.err).toBe(0);
    expect(runB.code, runB.err).toBe(0);
    const { rows: batches } = await db.query<{ start_timestamp: string; end_timestamp: string; status: string }>(
      'select start_timestamp, end_timestamp, status from export_batches order by start_timestamp',
    );
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(new Set(batches.map((r) => r.start_timestamp)).size).toBe(batches.length);
    batches.forEach((batch, i) => {
      expect(batch.status).toBe('complete');
      if (i > 0) expect(batch.start_timestamp).toBe(batches[i - 1]!.end_timestamp); // chained: no gap, no overlap
    });

    // Every key is in exactly one file of the bucket, each file signed by the key both processes publish.
    const [exportKey] = (await new HttpSession(b.baseUrl).request('GET', '/api/v1/export-keys')).json as unknown as Array<{ publicKeyPem: string }>;
    const index = s3.objects.get('/bluezone-exports/VN/index.txt')!.body.toString().split('\n').filter(Boolean);
    expect(index.length).toBe(batches.length);
    const seen = new Map<string, number>();
    for (const name of index) {
      const zip = new Uint8Array(s3.objects.get(`/bluezone-exports/${name}`)!.body);
      expect(verifyExportZip(zip, exportKey!.publicKeyPem)).toMatchObject({ valid: true });
      for (const k of readExportZip(zip).export.keys) {
        const key = Buffer.from(k.keyData).toString('base64');
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    for (const key of published) expect(seen.get(key), key).toBe(1);

    // One address guessing codes, alternating between the processes: the limit counts both together.
    const answers: number[] = [];
    for (let attempt = 0; attempt <= RATE_LIMIT; attempt++) {
      answers.push((await phonePost(attempt % 2 ? a.baseUrl : b.baseUrl, 'verify', { code: '00000000' }, '203.0.113.7')).status);
    }
    expect(answers).toEqual([...Array<number>(RATE_LIMIT).fill(400), 429]);
    // Another address is not held back by that one.
    expect((await phonePost(a.baseUrl, 'verify', { code: '00000000' }, '203.0.113.8')).status).toBe(400);
  });
});
