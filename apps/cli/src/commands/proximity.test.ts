import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  return runWithInput('', ...argv);
}

async function runWithInput(input: string, ...argv: string[]) {
  const io = bufferIo(input);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

// Real model strings of both platforms (packages/protocol/test-vectors/proximity/SOURCE.md).
const modelNames = readFileSync(join(vectors, 'device-model-names.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

function csv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-proximity-'));
  const path = join(dir, 'readings.csv');
  writeFileSync(path, text);
  return path;
}

describe('bluezone proximity classify', () => {
  it('prints exactly one JSON object: the five fields as before, then the weighted minutes, attenuation and calibration', async () => {
    const { code, out, err } = await run('proximity', 'classify', '--readings', near, ...models);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual([
      'readings', 'durationMinutes', 'estimatedDistanceMedianM', 'closeMinutes', 'closeContact',
      'weightedMinutes', 'attenuationMedianDb', 'calibration',
    ]);
    expect(result.calibration).toEqual({
      rx: 'family Pixel*: 7 models of Google',
      tx: 'SM-A205F: Samsung Galaxy A20 (SM-A205F)',
      confidence: 'medium',
    });
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
  ])('fails with exit 1 on %s', async (_name, args, message) => {
    const argv = args.map((a) => (a.startsWith('HEADER:') ? csv(a.slice('HEADER:'.length)) : a));
    const { code, out, err } = await run('proximity', 'classify', ...argv);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('answers for every real model name of both platforms, saying which calibration it used', async () => {
    for (const name of modelNames) {
      const { code, out, err } = await run('proximity', 'classify', '--readings', near, '--rx-model', name, '--tx-model', name);
      expect({ name, code, err }).toEqual({ name, code: 0, err: '' });
      const { calibration } = JSON.parse(out);
      expect(['high', 'medium', 'low']).toContain(calibration.confidence);
    }
    const iphone = JSON.parse((await run('proximity', 'classify', '--readings', near, '--rx-model', 'iPhone 8')).out);
    expect(iphone.calibration).toEqual({ rx: 'family iPhone*: 2 models of Apple', tx: expect.stringMatching(/^default/), confidence: 'low' });
    const samsung = JSON.parse((await run('proximity', 'classify', '--readings', near, '--rx-model', 'SM-G973F', '--tx-model', 'iPhone10,3')).out);
    expect(samsung.calibration).toEqual({ rx: 'SM-G973F: Samsung Galaxy S10 (SM-G973F)', tx: 'iPhone10,3: Apple iPhone X', confidence: 'high' });
  });

  it('takes the advertised tx power of the readings over any model', async () => {
    const rows = ['timestamp,rssi,tx_power', ...Array.from({ length: 30 }, (_, i) => `${i * 60},-70,-26`)];
    const { calibration } = JSON.parse((await run('proximity', 'classify', '--readings', csv(rows.join('\n')), '--tx-model', 'Nokia 3310')).out);
    expect(calibration.tx).toBe('tx power advertised in the readings');
  });

  it('treats a missing --readings or a bad --max-distance as a usage error (exit 2)', async () => {
    expect((await run('proximity', 'classify')).code).toBe(2);
    expect((await run('proximity', 'classify', '--readings', near, '--readings-dir', vectors)).code).toBe(2);
    expect((await run('proximity', 'classify', '--readings', near, '--max-distance', '-1')).code).toBe(2);
    expect((await run('proximity', 'classify', '--readings', near, '--min-minutes', 'x')).code).toBe(2);
  });
});

describe('bluezone proximity classify, many series in one process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-proximity-batch-'));
  copyFileSync(near, join(dir, 'a-near.csv'));
  copyFileSync(far, join(dir, 'b-far.csv'));
  writeFileSync(join(dir, 'c-broken.csv'), 'timestamp,rssi\n1,loud\n');
  mkdirSync(join(dir, 'not-a-series'));
  writeFileSync(join(dir, 'notes.txt'), 'not a series');
  const single = async (file: string) => JSON.parse((await run('proximity', 'classify', '--readings', file, ...models)).out);

  it('prints one line per CSV file of a directory, in name order, the same verdicts as one by one', async () => {
    const { code, out, err } = await run('proximity', 'classify', '--readings-dir', dir, ...models);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.series)).toEqual(['a-near.csv', 'b-far.csv', 'c-broken.csv']);
    expect(lines[0]).toEqual({ series: 'a-near.csv', ...(await single(near)) });
    expect(lines[1]).toEqual({ series: 'b-far.csv', ...(await single(far)) });
    expect(lines[2]).toEqual({ series: 'c-broken.csv', error: { code: 'invalid_series', message: expect.stringMatching(/line 2: rssi "loud"/) } });
    // A bad series does not stop the others, but the run says it failed.
    expect(code).toBe(1);
    expect(err).toBe('error: 1 of 3 series could not be classified\n');
  });

  it('reads JSON lines from standard input, with models per line, and names series by their line', async () => {
    const readings = (rssi: number) => Array.from({ length: 20 }, (_, i) => ({ timestamp: 1_600_000_000 + i * 60, rssi }));
    const input = [
      JSON.stringify({ series: 'queue', rxModel: 'iPhone10,1', txModel: 'SM-G973F', readings: readings(-60) }),
      '',
      JSON.stringify({ readings: readings(-95) }),
      '{"readings": [{"timestamp": "yesterday", "rssi": -60}]}',
    ].join('\n');
    const { code, out } = await runWithInput(input, 'proximity', 'classify', '--jsonl', '-');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ series: 'queue', readings: 20, closeContact: true, calibration: { rx: 'family iPhone*: 2 models of Apple' } });
    expect(lines[1]).toMatchObject({ series: '3', closeContact: false });
    expect(lines[2]).toEqual({ series: '4', error: { code: 'invalid_series', message: expect.stringMatching(/stdin line 4 readings\[0\]: timestamp "yesterday"/) } });
    expect(code).toBe(1);
  });

  it('fails clearly on a directory that is missing or holds no CSV', async () => {
    expect(await run('proximity', 'classify', '--readings-dir', join(dir, 'nope'))).toMatchObject({ code: 1, err: expect.stringMatching(/no such directory/) });
    expect(await run('proximity', 'classify', '--readings-dir', join(dir, 'not-a-series'))).toMatchObject({ code: 1, err: expect.stringMatching(/no \.csv files/) });
  });
});

describe('bluezone proximity models', () => {
  it('lists the calibration table, tab-separated, with the default last', async () => {
    const { code, out } = await run('proximity', 'models');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('model\tname\tmanufacturer\ttx_power_dbm\trssi_correction_db\tsource');
    expect(lines).toContain('SM-A205F\tGalaxy A20\tSamsung\t-26\t3\ten');
    expect(lines).toContain('iPhone X\tiPhone X\tApple\t-20\t4\topentrace');
    expect(lines).toHaveLength(1 + 561 + 1);
    expect(lines.at(-1)).toMatch(/^\(default\)\t/);
  });
});
