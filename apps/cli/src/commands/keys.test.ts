import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../io.js';
import { TEK_ROLLING_PERIOD } from '@bluezone/protocol';
import { main } from '../main.js';
import { KEY_ROLLING_PERIOD } from './keys.js';

// The official EN v1.2 vectors, copied into the protocol package (see its test-vectors/gaen/SOURCE.md).
const vectors = JSON.parse(
  readFileSync(new URL('../../../../packages/protocol/test-vectors/gaen/gaen-test-vectors.json', import.meta.url), 'utf8'),
) as {
  tek: string;
  ble_metadata: string;
  interval_number_of_generated_key: number;
  advertised_data: { interval_number: number; rpi: string; aem: string }[];
};

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('bluezone keys derive', () => {
  const start = String(vectors.interval_number_of_generated_key);

  it('prints the 144 official RPIs and AEMs, one JSON line each', async () => {
    const { code, stdout, stderr } = await run('keys', 'derive', '--tek', vectors.tek, '--interval', start, '--metadata', vectors.ble_metadata);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = vectors.advertised_data
      .map((r) => `{"interval":${r.interval_number},"rpi":"${r.rpi}","aem":"${r.aem}"}\n`)
      .join('');
    expect(stdout).toBe(expected);
  });

  it('takes upper-case hex, a count, and a later start', async () => {
    const { code, stdout } = await run(
      'keys', 'derive', '--tek', vectors.tek.toUpperCase(), '--interval', String(vectors.advertised_data[10]!.interval_number),
      '--count', '2', '--metadata', vectors.ble_metadata,
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { rpi: string; aem: string });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ interval: vectors.advertised_data[11]!.interval_number, rpi: vectors.advertised_data[11]!.rpi, aem: vectors.advertised_data[11]!.aem });
  });

  it('defaults the metadata to version 1.0 at 0 dBm, which changes the AEM but not the RPI', async () => {
    const { code, stdout } = await run('keys', 'derive', '--tek', vectors.tek, '--interval', start, '--count', '1');
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as { rpi: string; aem: string };
    expect(line.rpi).toBe(vectors.advertised_data[0]!.rpi);
    // CTR mode: AEM xor metadata is the keystream, the same for both metadata values.
    const keystream = (aem: string, meta: string) => (parseInt(aem, 16) ^ parseInt(meta, 16)) >>> 0;
    expect(keystream(line.aem, '40000000')).toBe(keystream(vectors.advertised_data[0]!.aem, vectors.ble_metadata));
    expect(line.aem).not.toBe(vectors.advertised_data[0]!.aem);
  });

  it.each([
    [['--tek', 'abcd', '--interval', '1'], /--tek .*must be 16 bytes/],
    [['--tek', 'zz'.repeat(16), '--interval', '1'], /--tek .*must be 16 bytes/],
    [['--tek', vectors.tek, '--interval', '-1'], /--interval .*must be an integer/],
    [['--tek', vectors.tek, '--interval', '1.5'], /--interval .*must be an integer/],
    [['--tek', vectors.tek, '--interval', '1e3'], /--interval .*must be an integer/],
    [['--tek', vectors.tek, '--interval', '4294967296'], /--interval .*must be an integer/],
    [['--tek', vectors.tek, '--interval', '4294967295', '--count', '2'], /uint32/],
    [['--tek', vectors.tek, '--interval', '1', '--count', '0'], /--count .*must be an integer from 1 to 1000/],
    [['--tek', vectors.tek, '--interval', '1', '--count', '1001'], /--count .*must be/],
    [['--tek', vectors.tek, '--interval', '1', '--metadata', '400000'], /--metadata .*must be 4 bytes/],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await run('keys', 'derive', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('is a usage error (exit 2) without --tek or --interval', async () => {
    expect((await run('keys', 'derive', '--interval', '1')).code).toBe(2);
    const missing = await run('keys', 'derive', '--tek', vectors.tek);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--interval/);
  });

  it("has help, whose default count is the protocol's key period", async () => {
    expect(KEY_ROLLING_PERIOD).toBe(TEK_ROLLING_PERIOD);
    const { code, stdout } = await run('keys', 'derive', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`(default: ${TEK_ROLLING_PERIOD})`);
    expect(stdout).toMatch(/--tek <hex>/);
    expect(stdout).toMatch(/"interval":N/);
  });
});

describe('bluezone keys generate', () => {
  it('prints a fresh key and the rolling start of the given day', async () => {
    const a = await run('keys', 'generate', '--time', '1585787000');
    const b = await run('keys', 'generate', '--time', '1585787000');
    expect(a.code).toBe(0);
    const line = JSON.parse(a.stdout) as { tek: string; rollingStartIntervalNumber: number; rollingPeriod: number };
    expect(line.tek).toMatch(/^[0-9a-f]{32}$/);
    expect(line.rollingStartIntervalNumber).toBe(2642976);
    expect(line.rollingPeriod).toBe(144);
    expect(JSON.parse(b.stdout).tek).not.toBe(line.tek);
  });
  it('defaults to now and rejects a bad time', async () => {
    const now = await run('keys', 'generate');
    expect(now.code).toBe(0);
    const start = (JSON.parse(now.stdout) as { rollingStartIntervalNumber: number }).rollingStartIntervalNumber;
    expect(start % 144).toBe(0);
    expect(start).toBeGreaterThan(2642976);
    const bad = await run('keys', 'generate', '--time', 'yesterday');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/--time .*must be an integer/);
  });
});
