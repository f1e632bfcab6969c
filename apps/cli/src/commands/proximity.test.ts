import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { bufferIo } from '../io.js';

// Slices of Herald robot data (see packages/protocol/test-vectors/proximity/SOURCE.md): Pixel 2 receiving a
// Galaxy A20, about 19 minutes at 50 cm and at 300 cm.
const vectors = fileURLToPath(new URL('../../../../packages/protocol/test-vectors/proximity/', import.meta.url));
const near = join(vectors, 'herald-20210110-2247-B-50cm.csv');
const far = join(vectors, 'herald-20210110-2247-B-300cm.csv');
const models = ['--rx-model', 'Pixel 2', '--tx-model', 'SM-A205F'];

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function csv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-proximity-'));
  const path = join(dir, 'readings.csv');
  writeFileSync(path, text);
  return path;
}

describe('bluezone proximity classify', () => {
  it('prints exactly one JSON object with the five fields, in order', async () => {
    const { code, out, err } = await run('proximity', 'classify', '--readings', near, ...models);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['readings', 'durationMinutes', 'estimatedDistanceMedianM', 'closeMinutes', 'closeContact']);
    expect(result.readings).toBe(1441);
    expect(result.durationMinutes).toBe(19);
    expect(result.closeMinutes).toBe(19);
    expect(result.closeContact).toBe(true);
    expect(result.estimatedDistanceMedianM).toBeLessThan(2);
  });

  it('calls 3 m far, and a shorter threshold or longer minimum turns a contact down', async () => {
    const farResult = JSON.parse((await run('proximity', 'classify', '--readings', far, ...models)).out);
    expect(farResult.closeContact).toBe(false);
    expect(farResult.estimatedDistanceMedianM).toBeGreaterThan(2);
    const strict = await run('proximity', 'classify', '--readings', near, ...models, '--min-minutes', '20');
    expect(JSON.parse(strict.out).closeContact).toBe(false);
    const tight = await run('proximity', 'classify', '--readings', near, ...models, '--max-distance', '0.1');
    expect(JSON.parse(tight.out)).toMatchObject({ closeMinutes: 0, closeContact: false });
  });

  it('reads unix seconds and ISO-8601, skips 127 and 0, and uses tx_power per row', async () => {
    const rows = ['timestamp,rssi,tx_power'];
    for (let i = 0; i < 16 * 6; i++) rows.push(`${1_600_000_000 + i * 10},${i % 7 === 0 ? 127 : -55},-20`);
    rows.push('1600000001,0,-20');
    const unix = JSON.parse((await run('proximity', 'classify', '--readings', csv(rows.join('\n')))).out);
    expect(unix.readings).toBe(16 * 6 - 14);
    expect(unix.closeContact).toBe(true);
    const iso = csv('timestamp,rssi\n2021-01-11T00:08:36Z,-60\n2021-01-11T00:09:36+00:00,-61\n2021-01-11 00:10:36,-62\n');
    expect(JSON.parse((await run('proximity', 'classify', '--readings', iso)).out)).toMatchObject({
      readings: 3,
      durationMinutes: 3,
      closeContact: false,
    });
  });

  it.each([
    ['a missing file', ['--readings', '/nonexistent/readings.csv'], /cannot read readings file .*no such file/],
    ['a missing column', ['--readings', 'HEADER:timestamp,signal\n1,-60\n'], /missing column\(s\) rssi/],
    ['a bad number', ['--readings', 'HEADER:timestamp,rssi\n1,-60\n2,abc\n'], /line 3: rssi "abc" is not a number/],
    ['a bad timestamp', ['--readings', 'HEADER:timestamp,rssi\nyesterday,-60\n'], /line 2: timestamp "yesterday"/],
    ['an out-of-range rssi', ['--readings', 'HEADER:timestamp,rssi\n1,-300\n'], /line 2: rssi -300 dBm is out of range/],
    ['a bad tx_power', ['--readings', 'HEADER:timestamp,rssi,tx_power\n1,-60,loud\n'], /line 2: tx_power "loud"/],
    ['an empty file', ['--readings', 'HEADER:timestamp,rssi\n'], /no readings/],
    ['only invalid readings', ['--readings', 'HEADER:timestamp,rssi\n1,127\n2,0\n'], /no valid readings/],
    ['an unknown receiver model', ['--readings', near, '--rx-model', 'Nokia 3310'], /unknown device model "Nokia 3310" \(run "bluezone proximity models"/],
    ['an unknown sender model', ['--readings', near, '--tx-model', 'Nokia 3310'], /unknown device model/],
  ])('fails with exit 1 on %s', async (_name, args, message) => {
    const argv = args.map((a) => (a.startsWith('HEADER:') ? csv(a.slice('HEADER:'.length)) : a));
    const { code, out, err } = await run('proximity', 'classify', ...argv);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('treats a missing --readings or a bad --max-distance as a usage error (exit 2)', async () => {
    expect((await run('proximity', 'classify')).code).toBe(2);
    expect((await run('proximity', 'classify', '--readings', near, '--max-distance', '-1')).code).toBe(2);
    expect((await run('proximity', 'classify', '--readings', near, '--min-minutes', 'x')).code).toBe(2);
  });
});

describe('bluezone proximity models', () => {
  it('lists the calibration table, tab-separated, with the default last', async () => {
    const { code, out } = await run('proximity', 'models');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('model\tname\tmanufacturer\ttx_power_dbm\trssi_correction_db\tsource');
    expect(lines).toContain('SM-A205F\tGalaxy A20\tSamsung\t-26\t3\ten');
    expect(lines.at(-1)).toMatch(/^\(default\)\t/);
  });
});
