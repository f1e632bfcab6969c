import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex, toHex } from '../hex.js';
import { encodeExportBin, type ExposureKeyExport } from './export-bin.js';
import { decodeExportSignatureList, encodeExportSignatureList, type ExportSignature } from './export-signature-list.js';
import { looksLikeZip, readExportZip, writeExportZip } from './export-zip.js';

const vector = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test-vectors/exports/${name}`, import.meta.url)));

const signatureInfo = { verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: '1.2.840.10045.4.3.2' };

function sampleExport(): ExposureKeyExport {
  return {
    startTimestamp: 1_700_000_000,
    endTimestamp: 1_700_086_400,
    region: 'VN',
    batchNum: 1,
    batchSize: 1,
    signatureInfos: [signatureInfo],
    keys: [
      {
        keyData: fromHex('000102030405060708090a0b0c0d0e0f'),
        transmissionRiskLevel: null,
        rollingStartIntervalNumber: 2_833_344,
        rollingPeriod: 144,
        reportType: 1,
        daysSinceOnsetOfSymptoms: 0,
      },
    ],
    revisedKeys: [],
  };
}

// The signature bytes do not matter to the container; signing has its own tests.
const fakeSignatures: ExportSignature[] = [{ signatureInfo, batchNum: 1, batchSize: 1, signature: fromHex('3006020101020101') }];

function sampleZip(): Uint8Array {
  return writeExportZip({ exportBin: encodeExportBin(sampleExport()), signatures: fakeSignatures });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
  return 'no error';
}

/** Offsets of central directory headers (PK\1\2) in a zip. */
function centralHeaders(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) out.push(i);
  }
  return out;
}

function setUint32(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(offset, value, true);
}

describe('readExportZip on the Google sample (140 keys)', () => {
  it('finds both entries and decodes them', () => {
    const contents = readExportZip(vector('google-sample-140-keys.zip'));
    expect(contents.export.region).toBe('US');
    expect(contents.export.keys).toHaveLength(140);
    expect(contents.signatures).toHaveLength(1);
    expect(contents.signatures[0]?.signatureInfo).toEqual({
      verificationKeyVersion: 'v1',
      verificationKeyId: '310',
      signatureAlgorithm: '1.2.840.10045.4.3.2',
    });
    expect(toHex(encodeExportSignatureList(decodeExportSignatureList(contents.exportSig)))).toBe(toHex(contents.exportSig));
  });
});

describe('writeExportZip', () => {
  it('is deterministic: the same export zips to the same bytes', () => {
    expect(toHex(sampleZip())).toBe(toHex(sampleZip()));
  });

  it('writes export.bin then export.sig and reads back byte for byte', () => {
    const zip = sampleZip();
    const contents = readExportZip(zip);
    expect(contents.export).toEqual(sampleExport());
    expect(contents.signatures).toEqual(fakeSignatures);
    expect(toHex(writeExportZip({ exportBin: contents.exportBin, signatures: contents.signatures }))).toBe(toHex(zip));
    const names = centralHeaders(zip).map((o) => new TextDecoder().decode(zip.subarray(o + 46, o + 56)));
    expect(names).toEqual(['export.bin', 'export.sig']);
  });
});

describe('readExportZip rejects', () => {
  it('a file that is not a zip', () => {
    expect(codeOf(() => readExportZip(encodeExportBin(sampleExport())))).toBe('export_not_zip');
    expect(codeOf(() => readExportZip(new Uint8Array(0)))).toBe('export_not_zip');
    expect(looksLikeZip(sampleZip())).toBe(true);
  });

  it('a truncated zip, cut anywhere', () => {
    const zip = sampleZip();
    for (const length of [4, 21, 30, Math.floor(zip.length / 2), zip.length - 1]) {
      expect(codeOf(() => readExportZip(zip.subarray(0, length)))).toBe('export_truncated');
    }
  });

  it('a zip without export.sig or without export.bin', () => {
    const bin = encodeExportBin(sampleExport());
    expect(codeOf(() => readExportZip(zipSync({ 'export.bin': bin })))).toBe('export_missing_entry');
    expect(codeOf(() => readExportZip(zipSync({ 'export.sig': encodeExportSignatureList(fakeSignatures) })))).toBe(
      'export_missing_entry',
    );
    expect(codeOf(() => readExportZip(zipSync({})))).toBe('export_missing_entry');
  });

  it('a zip with an unexpected entry', () => {
    const zip = zipSync({
      'export.bin': encodeExportBin(sampleExport()),
      'export.sig': encodeExportSignatureList(fakeSignatures),
      '../evil.sh': new Uint8Array([1]),
    });
    expect(codeOf(() => readExportZip(zip))).toBe('export_unexpected_entry');
  });

  it('a zip file larger than the limit', () => {
    expect(codeOf(() => readExportZip(sampleZip(), { maxZipBytes: 100 }))).toBe('export_too_large');
  });

  it('a zip bomb, from its declared size, before inflating it', () => {
    // 60 MB of zeros deflate to about 60 kB: small on the wire, over the 50 MB default once inflated.
    const bomb = zipSync({ 'export.bin': new Uint8Array(60 * 1024 * 1024), 'export.sig': new Uint8Array(0) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(codeOf(() => readExportZip(bomb))).toBe('export_too_large');
    const small = zipSync({ 'export.bin': new Uint8Array(2_000_000), 'export.sig': new Uint8Array(0) });
    expect(codeOf(() => readExportZip(small, { maxUncompressedBytes: 1_000_000 }))).toBe('export_too_large');
  });

  it('a declared size of 4 GB without trying to allocate it', () => {
    const zip = sampleZip();
    const [binHeader] = centralHeaders(zip);
    setUint32(zip, (binHeader as number) + 24, 0xfffffff0);
    // Inflating first would fail on a 4 GB allocation (export_bad_zip); the limit check comes first.
    expect(codeOf(() => readExportZip(zip))).toBe('export_too_large');
  });

  it('an entry that inflates to more than it declares, without returning the extra bytes', () => {
    const zip = sampleZip();
    const [binHeader] = centralHeaders(zip);
    setUint32(zip, (binHeader as number) + 24, 20); // export.bin really is ~70 bytes
    // fflate fills at most the declared 20 bytes; the CRC-32 of the cut entry then does not match.
    expect(codeOf(() => readExportZip(zip))).toBe('export_bad_zip');
  });

  it('an entry that inflates to less than it declares', () => {
    const zip = sampleZip();
    const [binHeader] = centralHeaders(zip);
    const view = new DataView(zip.buffer, zip.byteOffset);
    setUint32(zip, (binHeader as number) + 24, view.getUint32((binHeader as number) + 24, true) + 10);
    expect(codeOf(() => readExportZip(zip))).toBe('export_bad_zip');
  });

  it('an entry damaged in transit (CRC-32 mismatch)', () => {
    // Stored (uncompressed) entries, so one flipped byte still inflates; only the CRC can tell.
    const zip = zipSync(
      { 'export.bin': encodeExportBin(sampleExport()), 'export.sig': encodeExportSignatureList(fakeSignatures) },
      { level: 0 },
    );
    expect(readExportZip(zip).export).toEqual(sampleExport());
    const damaged = zip.slice();
    damaged[30 + 'export.bin'.length + 40]! ^= 0x01; // inside export.bin's data, after its local header
    expect(codeOf(() => readExportZip(damaged))).toBe('export_bad_zip');
  });

  it('a wrong export.bin header, a garbage protobuf, a short key, a garbage export.sig', () => {
    const sig = encodeExportSignatureList(fakeSignatures);
    const header = new TextEncoder().encode('EK Export v2    ');
    expect(codeOf(() => readExportZip(zipSync({ 'export.bin': header, 'export.sig': sig })))).toBe('export_bad_header');
    const garbage = new Uint8Array([...new TextEncoder().encode('EK Export v1    '), 0xff, 0xff, 0xff]);
    expect(codeOf(() => readExportZip(zipSync({ 'export.bin': garbage, 'export.sig': sig })))).toBe('export_bad_protobuf');
    const bin = encodeExportBin(sampleExport());
    expect(codeOf(() => readExportZip(zipSync({ 'export.bin': bin, 'export.sig': new Uint8Array([0x0a, 0x05, 1]) })))).toBe(
      'export_bad_signature_list',
    );
  });
});
