import { create, toBinary } from '@bufbuild/protobuf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { EXPORT_BIN_HEADER, decodeExportBin, encodeExportBin, type ExportKey, type ExposureKeyExport } from './export-bin.js';
import { ExportBinWriter } from './export-bin-writer.js';
import { TemporaryExposureKeyExportSchema } from './export-schema.js';

/**
 * The oracle: @bufbuild/protobuf encoding the same content with the schema (optional fields set only when present,
 * 144 rolling periods and empty strings left out).
 */
function libraryExportBin(e: ExposureKeyExport): Uint8Array {
  const info = (s: ExposureKeyExport['signatureInfos'][number]) =>
    Object.fromEntries(Object.entries(s).filter(([, v]) => v !== ''));
  const key = (k: ExportKey) => ({
    keyData: k.keyData,
    rollingStartIntervalNumber: k.rollingStartIntervalNumber,
    ...(k.transmissionRiskLevel !== null ? { transmissionRiskLevel: k.transmissionRiskLevel } : {}),
    ...(k.rollingPeriod !== 144 ? { rollingPeriod: k.rollingPeriod } : {}),
    ...(k.reportType !== null ? { reportType: k.reportType } : {}),
    ...(k.daysSinceOnsetOfSymptoms !== null ? { daysSinceOnsetOfSymptoms: k.daysSinceOnsetOfSymptoms } : {}),
  });
  const body = toBinary(
    TemporaryExposureKeyExportSchema,
    create(TemporaryExposureKeyExportSchema, {
      startTimestamp: BigInt(e.startTimestamp),
      endTimestamp: BigInt(e.endTimestamp),
      region: e.region,
      batchNum: e.batchNum,
      batchSize: e.batchSize,
      signatureInfos: e.signatureInfos.map(info),
      keys: e.keys.map(key),
      revisedKeys: e.revisedKeys.map(key),
    }),
  );
  const out = new Uint8Array(EXPORT_BIN_HEADER.length + body.length);
  out.set(EXPORT_BIN_HEADER);
  out.set(body, EXPORT_BIN_HEADER.length);
  return out;
}

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const exportKey = fc.record({
  keyData: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  transmissionRiskLevel: fc.option(fc.oneof(fc.integer({ min: 0, max: 8 }), int32), { nil: null }),
  rollingStartIntervalNumber: fc.oneof(fc.integer({ min: 2_600_000, max: 3_000_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
  rollingPeriod: fc.oneof(fc.constant(144), fc.integer({ min: 1, max: 144 })),
  reportType: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  daysSinceOnsetOfSymptoms: fc.option(fc.oneof(fc.integer({ min: -14, max: 14 }), int32), { nil: null }),
});
const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.constantFrom('VN', 'bluezone_vn', 'Lạng Sơn', '1.2.840.10045.4.3.2'));
const exportData = fc.record({
  startTimestamp: fc.oneof(fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }), fc.maxSafeNat()),
  endTimestamp: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 + 5 }), fc.maxSafeNat()),
  region: text,
  batchNum: int32,
  batchSize: int32,
  signatureInfos: fc.array(fc.record({ verificationKeyVersion: text, verificationKeyId: text, signatureAlgorithm: text }), { maxLength: 3 }),
  keys: fc.array(exportKey, { maxLength: 40 }),
  revisedKeys: fc.array(exportKey, { maxLength: 10 }),
});

describe('ExportBinWriter', () => {
  it('writes the bytes the protobuf library writes for the same export, on random batches', () => {
    fc.assert(
      fc.property(exportData, (e) => {
        expect(encodeExportBin(e)).toEqual(libraryExportBin(e));
      }),
      { numRuns: 300 },
    );
  });

  it('writes key by key what encodeExportBin writes at once, and decodes back to the same export', () => {
    fc.assert(
      fc.property(exportData, (e) => {
        // No size hint: the buffer must grow on its own.
        const writer = new ExportBinWriter(e);
        for (const k of e.keys) writer.key(k);
        for (const k of e.revisedKeys) writer.revisedKey(k);
        const bin = writer.finish();
        expect(bin).toEqual(encodeExportBin(e));
        const decoded = decodeExportBin(bin);
        expect(decoded.keys).toEqual(e.keys);
        expect(decoded.revisedKeys).toEqual(e.revisedKeys);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses keys after revised keys, a finished export, and malformed keys', () => {
    const header = { startTimestamp: 0, endTimestamp: 3600, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos: [] };
    const key: ExportKey = { keyData: new Uint8Array(16), transmissionRiskLevel: 1, rollingStartIntervalNumber: 0, rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: 0 };
    const writer = new ExportBinWriter(header);
    writer.revisedKey(key);
    expect(() => writer.key(key)).toThrow(/before revised keys/);
    writer.finish();
    expect(() => writer.revisedKey(key)).toThrow(/already finished/);
    const other = new ExportBinWriter(header);
    expect(() => other.key({ ...key, keyData: new Uint8Array(15) })).toThrow(ProtocolError);
    expect(() => other.key({ ...key, rollingPeriod: 145 })).toThrow(/rollingPeriod/);
    expect(() => other.key({ ...key, reportType: 6 })).toThrow(/reportType/);
  });
});
