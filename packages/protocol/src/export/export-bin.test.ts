import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex, toHex } from '../hex.js';
import { readExportZip } from './export-zip.js';
import {
  EXPORT_BIN_HEADER,
  decodeExportBin,
  encodeExportBin,
  hasExportBinHeader,
  type ExportKey,
  type ExposureKeyExport,
} from './export-bin.js';

const vector = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test-vectors/exports/${name}`, import.meta.url)));

function key(hex: string, overrides: Partial<ExportKey> = {}): ExportKey {
  return {
    keyData: fromHex(hex),
    transmissionRiskLevel: null,
    rollingStartIntervalNumber: 2_700_000,
    rollingPeriod: 144,
    reportType: 1,
    daysSinceOnsetOfSymptoms: null,
    ...overrides,
  };
}

function sampleExport(): ExposureKeyExport {
  return {
    startTimestamp: 1_700_000_000,
    endTimestamp: 1_700_086_400,
    region: 'VN-20',
    batchNum: 1,
    batchSize: 1,
    signatureInfos: [{ verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: '1.2.840.10045.4.3.2' }],
    keys: [
      key('000102030405060708090a0b0c0d0e0f', { daysSinceOnsetOfSymptoms: -3, transmissionRiskLevel: 4 }),
      key('f0e0d0c0b0a090807060504030201000', { rollingPeriod: 72, daysSinceOnsetOfSymptoms: 14, reportType: 2 }),
    ],
    revisedKeys: [key('ffffffffffffffffffffffffffffffff', { reportType: 5 })],
  };
}

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ProtocolError ${code}`);
}

describe('Google export.bin (110 keys, exposure-notifications-internals)', () => {
  const bin = vector('google-export-110-keys.bin');
  const decoded = decodeExportBin(bin);

  it('decodes the header fields and every key', () => {
    expect(decoded.region).toBe('US');
    expect(decoded.keys).toHaveLength(110);
    expect(decoded.revisedKeys).toHaveLength(0);
    expect(decoded.batchNum).toBe(1);
    expect(decoded.batchSize).toBe(1);
    // fixed64 little-endian at bytes 17..24 and 26..33 of the file: 0x5eb476d0 and 0x5eb48990.
    expect(decoded.startTimestamp).toBe(0x5eb476d0);
    expect(decoded.endTimestamp).toBe(0x5eb48990);
  });

  it('reads the first key exactly as the bytes say', () => {
    // bytes 0x5b.. of the file: key_data 00e484ab..., trl 2, start 2645035, rolling_period 117
    expect(decoded.keys[0]).toEqual({
      keyData: fromHex('00e484ab69328ecfca4ce547deea3e0d'),
      transmissionRiskLevel: 2,
      rollingStartIntervalNumber: 2645035,
      rollingPeriod: 117,
      reportType: null,
      daysSinceOnsetOfSymptoms: null,
    });
  });

  it('keeps its content through encode and decode (the reserved android_package field is dropped)', () => {
    const again = encodeExportBin(decoded);
    expect(decodeExportBin(again)).toEqual(decoded);
    expect(again.length).toBeLessThan(bin.length);
  });
});

describe('Google export.bin inside the signed 140-key zip', () => {
  it('re-encodes byte for byte', () => {
    const { exportBin, export: decoded } = readExportZip(vector('google-sample-140-keys.zip'));
    expect(decoded.keys).toHaveLength(140);
    expect(toHex(encodeExportBin(decoded))).toBe(toHex(exportBin));
  });
});

describe('encodeExportBin / decodeExportBin', () => {
  it('round-trips our own files byte for byte', () => {
    const bin = encodeExportBin(sampleExport());
    const decoded = decodeExportBin(bin);
    expect(decoded).toEqual(sampleExport());
    expect(toHex(encodeExportBin(decoded))).toBe(toHex(bin));
  });

  it('starts with the 16-byte header', () => {
    const bin = encodeExportBin(sampleExport());
    expect(new TextDecoder().decode(bin.subarray(0, 16))).toBe('EK Export v1    ');
    expect(hasExportBinHeader(bin)).toBe(true);
  });

  it('writes start_timestamp as fixed64 little-endian (tag 0x09)', () => {
    const bin = encodeExportBin({ ...sampleExport(), startTimestamp: 0x0102030405 });
    expect(toHex(bin.subarray(16, 25))).toBe('090504030201000000');
  });

  it('writes days_since_onset_of_symptoms as zigzag sint32: -3 is 5, not a 10-byte varint', () => {
    const keys = [key('00'.repeat(16), { daysSinceOnsetOfSymptoms: -3 })];
    const bin = encodeExportBin({ ...sampleExport(), keys, revisedKeys: [] });
    // The key is the last field: ... report_type (0x28) 1, then field 6 (0x30) with zigzag(-3) = 5.
    expect(toHex(bin.subarray(-4))).toBe('28013005');
  });

  it('leaves rolling_period 144 out and reads its absence as 144', () => {
    const with144 = encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(16), { rollingPeriod: 144 })] });
    const with72 = encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(16), { rollingPeriod: 72 })] });
    expect(with72.length - with144.length).toBe(2); // tag 0x20 + varint 72
    expect(decodeExportBin(with144).keys[0]?.rollingPeriod).toBe(144);
  });

  it('reads a report type the schema does not know as absent, as protobuf reads a proto2 enum', () => {
    const bin = encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(16), { reportType: 5 })], revisedKeys: [] });
    // The key is the last field and ends with report_type (tag 0x28) 5; another file's writer may have put 7 there.
    expect(toHex(bin.subarray(-2))).toBe('2805');
    bin[bin.length - 1] = 7;
    const [read] = decodeExportBin(bin).keys;
    expect(read?.reportType).toBeNull();
    expect(read?.rollingStartIntervalNumber).toBe(2_700_000);
  });

  it('decodes a header-only file as an empty export', () => {
    const empty = decodeExportBin(EXPORT_BIN_HEADER);
    expect(empty.keys).toEqual([]);
    expect(empty.region).toBe('');
  });

  it('rejects a wrong header', () => {
    const bin = encodeExportBin(sampleExport());
    bin[3] = 0x65; // 'EK e...'
    expectCode(() => decodeExportBin(bin), 'export_bad_header');
    expectCode(() => decodeExportBin(new Uint8Array(5)), 'export_bad_header');
  });

  it('rejects a protobuf that does not decode', () => {
    const garbage = new Uint8Array([...EXPORT_BIN_HEADER, 0x3a, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    expectCode(() => decodeExportBin(garbage), 'export_bad_protobuf');
    const badWireType = new Uint8Array([...EXPORT_BIN_HEADER, 0x0f]);
    expectCode(() => decodeExportBin(badWireType), 'export_bad_protobuf');
  });

  it('rejects a timestamp beyond 2^53 rather than rounding it', () => {
    // field 1, fixed64 little-endian 2^60
    const huge = new Uint8Array([...EXPORT_BIN_HEADER, 0x09, 0, 0, 0, 0, 0, 0, 0, 0x10]);
    expectCode(() => decodeExportBin(huge), 'export_bad_protobuf');
    const fine = new Uint8Array([...EXPORT_BIN_HEADER, 0x09, 0, 0, 0, 0, 0, 0, 0x1f, 0]);
    expect(decodeExportBin(fine).startTimestamp).toBe(0x1f * 2 ** 48);
  });

  it('rejects keys of the wrong length', () => {
    // field 7 (keys), length 5: key_data (field 1) of 3 bytes
    const shortKey = new Uint8Array([...EXPORT_BIN_HEADER, 0x3a, 0x07, 0x0a, 0x03, 1, 2, 3, 0x18, 0x01]);
    expectCode(() => decodeExportBin(shortKey), 'export_bad_key');
    expectCode(() => encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(15))] }), 'invalid_length');
  });

  it('refuses bad input when encoding', () => {
    expectCode(() => encodeExportBin({ ...sampleExport(), startTimestamp: -1 }), 'invalid_argument');
    expectCode(() => encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(16), { rollingPeriod: 145 })] }), 'invalid_argument');
    expectCode(() => encodeExportBin({ ...sampleExport(), keys: [key('00'.repeat(16), { reportType: 6 })] }), 'invalid_argument');
    expectCode(() => decodeExportBin('EK Export v1    ' as unknown as Uint8Array), 'invalid_argument');
  });
});
