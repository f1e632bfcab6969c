import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, openRuntime } from '@bluezone/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertExposures } from '../../../server/src/test-support/exposures.js';
import { bufferIo } from '../io.js';
import { main } from '../main.js';

const run = async (...args: string[]) => {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

const tek = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);

// `export run` and `keys rotate` against the server's own data directory, and the files they write checked with
// the CLI's own `export verify` and `export inspect`, as an operator would.
describe('bluezone export run / keys rotate', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-export-run-'));
    vi.stubEnv('BLUEZONE_DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('BLUEZONE_EXPORT_SETTLE', '0');
  });
  afterEach(() => vi.unstubAllEnvs());

  const withRuntime = async <T>(action: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>) => {
    const runtime = await openRuntime(loadConfig(process.env));
    try {
      return await action(runtime);
    } finally {
      await runtime.close();
    }
  };

  it('cuts a batch into the exports directory that verifies with the published key and reads back', async () => {
    await withRuntime(async ({ db }) => {
      const day = Math.floor(Date.now() / 86_400_000) - 1;
      await insertExposures(db, [{ keyData: tek, rollingStartInterval: day * 144, transmissionRisk: 5, availableAt: new Date(Date.now() - 60_000).toISOString() }]);
    });

    const first = await run('export', 'run', '--json');
    expect(first).toMatchObject({ code: 0, err: '' });
    const files = first.out.trim().split('\n').map((line) => JSON.parse(line) as { name: string; keys: number; batchNum: number; batchSize: number });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ batchNum: 1, batchSize: 1 });
    expect(files[0]!.name).toMatch(/^VN\/\d+-\d+-00001\.zip$/);
    expect(files[0]!.keys).toBeGreaterThanOrEqual(1000);
    const zip = path.join(dataDir, 'exports', files[0]!.name);
    expect(readFileSync(path.join(dataDir, 'exports', 'VN', 'index.txt'), 'utf8')).toBe(`${files[0]!.name}\n`);

    const [key] = await withRuntime(({ services }) => services.signingKeys.listPublished());
    const pem = path.join(dataDir, 'export-key.pem');
    writeFileSync(pem, key!.publicKeyPem);
    expect(await run('export', 'verify', zip, '--public-key', pem, '--key-id', 'bluezone_vn', '--key-version', 'v1')).toMatchObject({ code: 0, out: 'valid\n' });

    const inspected = await run('export', 'inspect', '--json', zip);
    expect(inspected.code).toBe(0);
    const content = JSON.parse(inspected.out) as { region: string; keys: Array<{ keyData: string; transmissionRiskLevel: number; reportType: number }> };
    expect(content.region).toBe('VN');
    expect(content.keys).toHaveLength(files[0]!.keys);
    expect(content.keys.find((k) => k.keyData === Buffer.from(tek).toString('hex'))).toMatchObject({ transmissionRiskLevel: 5, reportType: 1 });

    // A settle time longer than since the last batch leaves no window to cut, whatever second the test runs in.
    vi.stubEnv('BLUEZONE_EXPORT_SETTLE', '3600');
    expect(await run('export', 'run')).toMatchObject({ code: 0, out: expect.stringMatching(/^nothing to export/) });
  });

  it('rotates the signing key, keeping the previous one published', async () => {
    await withRuntime(({ services }) => services.signingKeys.ensureActiveKey());
    const rotated = await run('keys', 'rotate');
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.out)).toMatchObject({ keyId: 'bluezone_vn', version: 'v2', algorithm: '1.2.840.10045.4.3.2' });
    const published = await withRuntime(({ services }) => services.signingKeys.listPublished());
    expect(published.map((k) => k.version)).toEqual(['v2', 'v1']);
  });
});
