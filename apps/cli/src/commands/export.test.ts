import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXPORT_SIGNATURE_ALGORITHM,
  buildSignedExportZip,
  encodeExportBin,
  fromHex,
  readExportZip,
  writeExportZip,
  type ExposureKeyExport,
} from '@bluezone/protocol';
import { bufferIo } from '../io.js';
import { main } from '../main.js';

// Google's files, copied into the protocol package (see its test-vectors/exports/SOURCE.md).
const vectors = (name: string) =>
  new URL(`../../../../packages/protocol/test-vectors/exports/${name}`, import.meta.url).pathname;
const googleZip = vectors('google-sample-140-keys.zip');
const googleBin = vectors('google-export-110-keys.bin');
const googlePem = vectors('google-sample-140-keys.public.pem');

const dir = mkdtempSync(join(tmpdir(), 'bluezone-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicPem = file('ours.public.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
const privatePem = file('ours.private.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
const otherPem = file(
  'other.public.pem',
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
);

const signatureInfo = { verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM };
const batch: ExposureKeyExport = {
  startTimestamp: 1_700_000_000,
  endTimestamp: 1_700_003_600,
  region: 'VN',
  batchNum: 1,
  batchSize: 1,
  signatureInfos: [signatureInfo],
  keys: [
    {
      keyData: fromHex('00112233445566778899aabbccddeeff'),
      transmissionRiskLevel: null,
      rollingStartIntervalNumber: 2_833_200,
      rollingPeriod: 144,
      reportType: 1,
      daysSinceOnsetOfSymptoms: -2,
    },
  ],
  revisedKeys: [],
};
const ourZip = file('ours.zip', buildSignedExportZip(batch, [{ privateKeyPem: readFileSync(privatePem, 'utf8'), signatureInfo }]).zip);

describe('bluezone export inspect', () => {
  it('prints one JSON object for the Google zip', async () => {
    const { code, stdout, stderr } = await run('export', 'inspect', googleZip, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'startTimestamp', 'endTimestamp', 'region', 'batchNum', 'batchSize', 'signatureInfos', 'keys', 'revisedKeys',
    ]);
    expect(json).toMatchObject({ startTimestamp: 1593633600, endTimestamp: 1593633900, region: 'US', batchNum: 1, batchSize: 1 });
    expect(json.signatureInfos).toEqual([
      { verificationKeyVersion: 'v1', verificationKeyId: '310', signatureAlgorithm: '1.2.840.10045.4.3.2' },
    ]);
    expect(json.keys).toHaveLength(140);
    expect(json.keys[0]).toEqual({
      keyData: '0003d60b188f19856e8b3dd29a0c463b',
      transmissionRiskLevel: 3,
      rollingStartIntervalNumber: 2653920,
      rollingPeriod: 144,
      reportType: null,
      daysSinceOnsetOfSymptoms: null,
    });
    expect(json.revisedKeys).toEqual([]);
  });

  it('reads a bare export.bin by its header, whatever its name', async () => {
    const renamed = file('downloaded.zip', readFileSync(googleBin));
    const { code, stdout } = await run('export', 'inspect', renamed, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.keys).toHaveLength(110);
    expect(json.keys[0]).toMatchObject({ keyData: '00e484ab69328ecfca4ce547deea3e0d', rollingPeriod: 117 });
  });

  it('prints our own fields, sint32 onset included', async () => {
    const { code, stdout } = await run('export', 'inspect', ourZip, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).keys).toEqual([
      {
        keyData: '00112233445566778899aabbccddeeff',
        transmissionRiskLevel: null,
        rollingStartIntervalNumber: 2833200,
        rollingPeriod: 144,
        reportType: 1,
        daysSinceOnsetOfSymptoms: -2,
      },
    ]);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run('export', 'inspect', googleZip);
    expect(code).toBe(0);
    expect(stdout).toContain('region:        US');
    expect(stdout).toContain('time window:   2020-07-01T20:00:00Z to 2020-07-01T20:05:00Z');
    expect(stdout).toContain('keys:          140');
    expect(stdout).toContain('key id 310, version v1');
    expect(stdout).toContain('  0003d60b188f19856e8b3dd29a0c463b  start 2653920');
  });

  it('fails on a file that is neither, on a damaged zip and on a missing file', async () => {
    const neither = await run('export', 'inspect', publicPem);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(/neither an export zip nor an export\.bin/);
    const truncated = file('truncated.zip', readFileSync(googleZip).subarray(0, 1000));
    expect(await run('export', 'inspect', truncated)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: export_truncated: /) });
    const badHeader = file('bad-header.bin', new Uint8Array([...new TextEncoder().encode('EK Export v1    '), 0xff, 0xff]));
    expect((await run('export', 'inspect', badHeader)).stderr).toMatch(/export_bad_protobuf/);
    const missing = await run('export', 'inspect', join(dir, 'nope.zip'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read export file .*nope\.zip/);
  });
});

describe('bluezone export verify', () => {
  it("prints valid for Google's sample with its key", async () => {
    expect(await run('export', 'verify', googleZip, '--public-key', googlePem)).toEqual({ code: 0, stdout: 'valid\n', stderr: '' });
  });

  it('prints valid for a file we signed, and invalid with another key', async () => {
    expect(await run('export', 'verify', ourZip, '--public-key', publicPem)).toMatchObject({ code: 0, stdout: 'valid\n' });
    const wrong = await run('export', 'verify', ourZip, '--public-key', otherPem);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('invalid: signature does not match\n');
    expect(wrong.stderr).toMatch(/^error: .* is not validly signed/);
  });

  it('prints invalid for a tampered key byte', async () => {
    // Rebuild the zip with one key byte changed and the original signature.
    const { exportBin, signatures } = readExportZip(new Uint8Array(readFileSync(googleZip)));
    const tampered = exportBin.slice();
    tampered[200]! ^= 0x01;
    const path = file('tampered.zip', writeExportZip({ exportBin: tampered, signatures }));
    expect(await run('export', 'verify', path, '--public-key', googlePem)).toMatchObject({
      code: 1,
      stdout: 'invalid: signature does not match\n',
    });
  });

  it('prints the error code of a damaged file as the reason', async () => {
    const truncated = file('truncated2.zip', readFileSync(googleZip).subarray(0, 2000));
    const { code, stdout } = await run('export', 'verify', truncated, '--public-key', googlePem);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^invalid: export_truncated: .+\n$/);
    const bare = await run('export', 'verify', googleBin, '--public-key', googlePem);
    expect(bare.stdout).toMatch(/^invalid: export_not_zip: /);
  });

  it('filters by key id', async () => {
    expect((await run('export', 'verify', googleZip, '--public-key', googlePem, '--key-id', '310')).code).toBe(0);
    expect((await run('export', 'verify', googleZip, '--public-key', googlePem, '--key-id', '452')).stdout).toBe(
      'invalid: no signature for this key id and version\n',
    );
  });

  it('fails clearly on a missing or unreadable public key, and on a missing flag', async () => {
    const missing = await run('export', 'verify', googleZip, '--public-key', join(dir, 'nope.pem'));
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^error: cannot read public key .*nope\.pem/);
    const garbage = file('garbage.pem', 'hello');
    const bad = await run('export', 'verify', googleZip, '--public-key', garbage);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^error: public key .*garbage\.pem is not a P-256 SPKI PEM/);
    expect((await run('export', 'verify', googleZip)).code).toBe(2);
  });
});

describe('bluezone export sign', () => {
  it('signs an export.bin into a zip that verify accepts', async () => {
    const bin = file('to-sign.bin', encodeExportBin(batch));
    const out = join(dir, 'signed.zip');
    const signed = await run('export', 'sign', '--in', bin, '--key', privatePem, '--key-id', '452', '--key-version', 'v1', '--out', out);
    expect(signed).toEqual({ code: 0, stdout: `wrote ${out}\n`, stderr: '' });
    expect(await run('export', 'verify', out, '--public-key', publicPem, '--key-id', '452', '--key-version', 'v1')).toMatchObject({
      code: 0,
      stdout: 'valid\n',
    });
    expect((await run('export', 'verify', out, '--public-key', otherPem)).code).toBe(1);
  });

  it('refuses a bad key id, a public key as private key, and a file that is not an export.bin', async () => {
    const bin = file('to-sign2.bin', encodeExportBin(batch));
    const out = join(dir, 'never.zip');
    const badId = await run('export', 'sign', '--in', bin, '--key', privatePem, '--key-id', '45 2', '--key-version', 'v1', '--out', out);
    expect(badId).toMatchObject({ code: 2, stderr: expect.stringMatching(/--key-id .*must match/) });
    const badVersion = await run('export', 'sign', '--in', bin, '--key', privatePem, '--key-id', '452', '--key-version', 'v-1', '--out', out);
    expect(badVersion).toMatchObject({ code: 2, stderr: expect.stringMatching(/--key-version .*must match/) });
    const wrongKey = await run('export', 'sign', '--in', bin, '--key', publicPem, '--key-id', '452', '--key-version', 'v1', '--out', out);
    expect(wrongKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: private key /) });
    const notBin = await run('export', 'sign', '--in', publicPem, '--key', privatePem, '--key-id', '452', '--key-version', 'v1', '--out', out);
    expect(notBin).toMatchObject({ code: 1, stderr: expect.stringMatching(/export_bad_header/) });
    expect((await run('export', 'sign', '--in', bin)).code).toBe(2);
  });
});
