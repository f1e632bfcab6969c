import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEK_ROLLING_PERIOD, calculateExposureKeyHmac, readExportZip, rollingStartIntervalNumber } from '@bluezone/protocol';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession } from './support/http.js';
import { REPO_ROOT, type RunningServer, startServer } from './support/server.js';

/**
 * A server killed with SIGKILL while phones upload loses no upload it acknowledged: every publish answered 200
 * before the kill is in the export cut after the restart. Uploads share commits (group commit), so this is the
 * check that a phone hears "stored" only once its keys are durable. On SQLite, and on PostgreSQL when configured.
 */
const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const DAY = 86_400;
const PHONES = 48;
const AT_ONCE = 8;
/** Acknowledged uploads before the kill; the rest are in flight or not yet sent. */
const KILL_AFTER = 16;

const post = async (base: string, route: string, body: unknown) => {
  const response = await fetch(`${base}/api/v1/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe.each([
  { dialect: 'sqlite', skip: false },
  { dialect: 'postgres', skip: postgresUrl === undefined },
])('a server killed while phones upload [$dialect]', ({ dialect, skip }) => {
  const servers: RunningServer[] = [];
  let cleanup = async () => {};
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await cleanup();
  });

  it.skipIf(skip)('keeps every upload it acknowledged', { timeout: 180_000 }, async () => {
    const env: Record<string, string> = { BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_VERIFY_RATE_LIMIT: '10000', BLUEZONE_EXPORT_SETTLE: '0' };
    if (dialect === 'postgres') {
      const schema = `bz_e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      cleanup = async () => {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      };
      env.DATABASE_URL = `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    const first = await startServer({ env });
    servers.push(first);
    const admin = new HttpSession(first.baseUrl);
    expect((await admin.login('admin', first.adminPassword)).status).toBe(200);
    const codes: string[] = [];
    for (let i = 0; i < PHONES; i++) codes.push((await admin.request('POST', '/api/v1/codes', { testType: 'confirmed' })).json?.code as string);

    const nowSeconds = Math.floor(Date.now() / 1000);
    const acknowledged: string[][] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    const phone = async () => {
      while (next < PHONES && !killed) {
        const code = codes[next++]!;
        const keys = Array.from({ length: 14 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: rollingStartIntervalNumber(nowSeconds - (i + 1) * DAY), rollingPeriod: TEK_ROLLING_PERIOD, transmissionRisk: 0 }));
        const hmacKey = randomBytes(32);
        try {
          const verified = await post(first.baseUrl, 'verify', { code });
          const ekeyhmac = calculateExposureKeyHmac(keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: 0 })), hmacKey);
          const certified = await post(first.baseUrl, 'certificate', { token: verified.json.token, ekeyhmac });
          const stored = await post(first.baseUrl, 'publish', { temporaryExposureKeys: keys, healthAuthorityID: 'vn.bluezone', verificationPayload: certified.json.certificate, hmacKey: hmacKey.toString('base64') });
          if (stored.status === 200) {
            acknowledged.push(keys.map((k) => k.key));
            if (acknowledged.length === KILL_AFTER) killed = first.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: this upload was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, phone));
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restarted on the same data, the server cuts an export: every acknowledged key is in it.
    const restartEnv = { ...env, BLUEZONE_DATA_DIR: first.dataDir };
    const second = await startServer({ env: restartEnv });
    servers.push(second);
    const run = spawnSync(process.execPath, ['apps/cli/bin/bluezone.js', 'export', 'run', '--json'], { cwd: REPO_ROOT, env: { ...process.env, ...restartEnv }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const exportsDir = join(first.dataDir, 'exports');
    const exported = new Set<string>();
    for (const name of readFileSync(join(exportsDir, 'VN/index.txt'), 'utf8').split('\n').filter(Boolean)) {
      for (const k of readExportZip(new Uint8Array(readFileSync(join(exportsDir, name)))).export.keys) exported.add(Buffer.from(k.keyData).toString('base64'));
    }
    const lost = acknowledged.flat().filter((key) => !exported.has(key));
    expect(lost).toEqual([]);
  });
});
