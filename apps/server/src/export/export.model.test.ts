import { EXPORT_REPORT_TYPES, type ExportKey } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { fakeRandom } from '../platform/platform.js';
import { KEY_RECORD_BYTES, KEY_RECORD_NULL_ONSET, KeyTable } from './export.key-table.js';
import { batchKeys, exportFileName, iso, keepsUnrevisedKey, nextWindow, paddingCount, paddingKeys, splitBatch, UNKNOWN_STORED_REPORT_TYPE, type ExposureRow } from './export.model.js';

const HOUR = 3600;
const T = 1_795_910_400; // 2026-11-28T00:00:00Z, a period boundary
const options = { periodSeconds: HOUR, settleSeconds: 10, keyRetentionSeconds: 14 * 86400 };

function row(n: number, fields: Partial<ExposureRow> = {}): ExposureRow {
  return {
    keyData: new Uint8Array(16).fill(n),
    transmissionRisk: 3,
    rollingStartInterval: 2_993_040,
    rollingPeriod: 144,
    reportType: 'confirmed',
    daysSinceOnset: 2,
    availableAt: iso(T + 60),
    revisedAt: null,
    revisedReportType: null,
    revisedTransmissionRisk: null,
    revisedDaysSinceOnset: null,
    ...fields,
  };
}

function key(n: number): ExportKey {
  return { keyData: new Uint8Array(16).fill(n), transmissionRiskLevel: 1, rollingStartIntervalNumber: 0, rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: 0 };
}

describe('nextWindow', () => {
  it('starts the first window a key retention before its end, on a period boundary', () => {
    expect(nextWindow(undefined, T + 30 * 60, { mode: 'period', ...options })).toEqual({ start: T - 14 * 86400, end: T });
  });

  it('chains windows: each starts where the last ended, and ends on the last boundary settled', () => {
    const last = { start: T - HOUR, end: T };
    expect(nextWindow(last, T + HOUR + 5, { mode: 'period', ...options })).toBeNull(); // boundary not settled yet
    expect(nextWindow(last, T + HOUR + 10, { mode: 'period', ...options })).toEqual({ start: T, end: T + HOUR });
    // the server was down for three periods: one window covers the gap
    expect(nextWindow(last, T + 3 * HOUR + 100, { mode: 'period', ...options })).toEqual({ start: T, end: T + 3 * HOUR });
  });

  it('cuts up to now minus the settle time in "now" mode, and nothing when the last batch already reaches there', () => {
    const last = { start: T - HOUR, end: T };
    expect(nextWindow(last, T + 1234, { mode: 'now', ...options })).toEqual({ start: T, end: T + 1224 });
    expect(nextWindow({ start: T, end: T + 1224 }, T + 1234, { mode: 'now', ...options })).toBeNull();
  });
});

describe('batchKeys', () => {
  const window = { start: T, end: T + HOUR };

  it('holds keys whose available_at is in (start, end] and never one still under embargo', () => {
    const rows = [row(1, { availableAt: iso(T) }), row(2, { availableAt: iso(T + 1) }), row(3, { availableAt: iso(T + HOUR) }), row(4, { availableAt: iso(T + HOUR + 1) })];
    expect(batchKeys(rows, window).keys.map((k) => k.keyData[0])).toEqual([2, 3]);
  });

  it('maps report types and copies the key fields', () => {
    const { keys } = batchKeys([row(1), row(2, { reportType: 'likely', daysSinceOnset: null })], window);
    expect(keys[0]).toEqual({ keyData: new Uint8Array(16).fill(1), transmissionRiskLevel: 3, rollingStartIntervalNumber: 2_993_040, rollingPeriod: 144, reportType: EXPORT_REPORT_TYPES.CONFIRMED_TEST, daysSinceOnsetOfSymptoms: 2 });
    expect(keys[1]).toMatchObject({ reportType: EXPORT_REPORT_TYPES.CONFIRMED_CLINICAL_DIAGNOSIS, daysSinceOnsetOfSymptoms: null });
  });

  it('puts keys exported earlier and revised in the window into revisedKeys, with the revised values', () => {
    const rows = [
      row(1, { availableAt: iso(T - HOUR), revisedAt: iso(T + 60), revisedReportType: 'confirmed', revisedTransmissionRisk: 6 }),
      row(2, { availableAt: iso(T - HOUR), revisedAt: iso(T + 60), revisedReportType: 'negative' }),
      row(3, { availableAt: iso(T - 2 * HOUR), revisedAt: iso(T - HOUR) }), // revised in an earlier window
    ];
    const { keys, revisedKeys } = batchKeys(rows, window);
    expect(keys).toEqual([]);
    expect(revisedKeys.map((k) => [k.keyData[0], k.reportType, k.transmissionRiskLevel])).toEqual([
      [1, EXPORT_REPORT_TYPES.CONFIRMED_TEST, 6],
      [2, EXPORT_REPORT_TYPES.REVOKED, 3],
    ]);
  });

  it('exports a key revised before its first export once, with the new values, and never a withdrawn one', () => {
    const rows = [
      row(1, { reportType: 'likely', revisedAt: iso(T + 120), revisedReportType: 'confirmed' }),
      row(2, { revisedAt: iso(T + 120), revisedReportType: 'revoked' }),
      row(3, { availableAt: iso(T + 2 * HOUR), revisedAt: iso(T + 120), revisedReportType: 'confirmed' }), // still embargoed
    ];
    const { keys, revisedKeys } = batchKeys(rows, window);
    expect(keys.map((k) => [k.keyData[0], k.reportType])).toEqual([[1, EXPORT_REPORT_TYPES.CONFIRMED_TEST]]);
    expect(revisedKeys).toEqual([]);
  });
});

describe('padding', () => {
  it('fills up to the minimum plus the jitter, and not below zero', () => {
    expect(paddingCount(3, 1000, 42)).toBe(1039);
    expect(paddingCount(5000, 1000, 42)).toBe(0);
  });

  it('makes fresh random keys shaped like a real key of the batch', () => {
    const real = [key(1)];
    const padding = paddingKeys(3, real, { start: T, end: T + HOUR }, fakeRandom().bytes);
    expect(padding).toHaveLength(3);
    for (const p of padding) {
      expect({ ...p, keyData: undefined }).toEqual({ ...real[0], keyData: undefined });
      expect(Buffer.compare(p.keyData, real[0]!.keyData)).not.toBe(0);
    }
    expect(new Set(padding.map((p) => Buffer.from(p.keyData).toString('hex'))).size).toBe(3);
  });

  it('without real keys, makes confirmed keys of the 14 days before the window', () => {
    const padding = paddingKeys(200, [], { start: T, end: T + HOUR }, fakeRandom().bytes);
    const days = padding.map((p) => p.rollingStartIntervalNumber / 144);
    expect(days.every((d) => Number.isInteger(d) && d <= T / 86400 - 1 && d >= T / 86400 - 14)).toBe(true);
    expect(new Set(days).size).toBeGreaterThan(5);
    expect(padding.every((p) => p.reportType === EXPORT_REPORT_TYPES.CONFIRMED_TEST && p.rollingPeriod === 144)).toBe(true);
  });
});

describe('sorting, splitting and naming', () => {
  it('sorts by key bytes, whatever the insertion order', () => {
    const table = new KeyTable();
    const keys = [key(9), key(1), key(200), key(3), key(1)];
    keys[1]!.keyData[15] = 2; // 0101..02 sorts after 0101..01: every byte counts, not just the first
    for (const k of keys) table.push(k);
    const order = [...table.sortedOrder()];
    expect(order.map((i) => [table.at(i)!.keyData[0], table.at(i)!.keyData[15]])).toEqual([[1, 1], [1, 2], [3, 3], [9, 9], [200, 200]]);
  });

  it('sorts many keys as a byte comparison does, ties on long prefixes included', () => {
    const random = fakeRandom();
    const table = new KeyTable();
    const all: Uint8Array[] = [];
    for (let i = 0; i < 5000; i++) {
      const k = Uint8Array.from(random.bytes(16));
      // A third share their first 7 bytes, so the packed prefix ties and the full comparison decides.
      if (i % 3 === 0) k.fill(0x42, 0, 7);
      all.push(k);
      table.push({ ...key(0), keyData: k });
    }
    const expected = all.map((k) => Buffer.from(k).toString('hex')).sort();
    expect([...table.sortedOrder()].map((i) => Buffer.from(table.at(i)!.keyData).toString('hex'))).toEqual(expected);
  });

  it('keeps every field of a key, nulls included, in 32 bytes', () => {
    const table = new KeyTable();
    const keys: ExportKey[] = [
      { keyData: new Uint8Array(16).fill(7), transmissionRiskLevel: null, rollingStartIntervalNumber: 2_993_040, rollingPeriod: 144, reportType: null, daysSinceOnsetOfSymptoms: null },
      { keyData: new Uint8Array(16).fill(8), transmissionRiskLevel: 8, rollingStartIntervalNumber: 0, rollingPeriod: 1, reportType: 5, daysSinceOnsetOfSymptoms: -14 },
    ];
    for (const k of keys) table.push(k);
    expect([table.at(0), table.at(1), table.at(2)]).toEqual([...keys, undefined]);
  });

  it('takes keys as packed big-endian records, dropping those refused by report type, and refuses a broken page', () => {
    const record = (fill: number, ints: number[]) => {
      const bytes = new Uint8Array(KEY_RECORD_BYTES).fill(fill, 0, 16);
      const view = new DataView(bytes.buffer);
      ints.forEach((v, i) => view.setInt32(16 + 4 * i, v));
      return bytes;
    };
    const page = Buffer.concat([
      record(1, [2_993_040, 4, -14, 144 | (1 << 8)]),
      record(2, [2_993_184, 0, 0, 1 | (2 << 8) | KEY_RECORD_NULL_ONSET]),
      record(3, [2_993_040, 6, 3, 144 | (5 << 8)]), // withdrawn: REVOKED
    ]);
    const table = new KeyTable();
    table.pushRecords(page, keepsUnrevisedKey);
    expect([table.at(0), table.at(1), table.length]).toEqual([
      { keyData: new Uint8Array(16).fill(1), transmissionRiskLevel: 4, rollingStartIntervalNumber: 2_993_040, rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: -14 },
      { keyData: new Uint8Array(16).fill(2), transmissionRiskLevel: 0, rollingStartIntervalNumber: 2_993_184, rollingPeriod: 1, reportType: 2, daysSinceOnsetOfSymptoms: null },
      2,
    ]);
    expect(() => table.pushRecords(page.subarray(0, 40), keepsUnrevisedKey)).toThrow('not a multiple of 32');
    expect(() => table.pushRecords(record(4, [0, 0, 0, 144 | (UNKNOWN_STORED_REPORT_TYPE << 8)]), keepsUnrevisedKey)).toThrow('unknown report type');
    expect(table.length).toBe(2);
  });

  it('reads every key through one reused object, as at() reads it', () => {
    const random = fakeRandom();
    const table = new KeyTable();
    for (let i = 0; i < 200; i++) {
      const k = { ...key(0), keyData: Uint8Array.from(random.bytes(16)), daysSinceOnsetOfSymptoms: i % 3 === 0 ? null : (i % 29) - 14, reportType: i % 2 ? 1 : 2 };
      table.push(k);
    }
    const read = table.reusingReader();
    for (let i = 0; i < table.length; i++) expect({ ...read(i), keyData: Uint8Array.from(read(i).keyData) }).toEqual(table.at(i));
    expect(read(0)).toBe(read(1));
    expect(() => read(table.length)).toThrow(RangeError);
  });

  it('splits into files of at most the maximum, keys then revised keys, and keeps one file when empty', () => {
    expect(splitBatch(5, 2, 3)).toEqual([
      { keys: { from: 0, to: 3 }, revisedKeys: { from: 0, to: 0 } },
      { keys: { from: 3, to: 5 }, revisedKeys: { from: 0, to: 1 } },
      { keys: { from: 5, to: 5 }, revisedKeys: { from: 1, to: 2 } },
    ]);
    expect(splitBatch(0, 0, 3)).toEqual([{ keys: { from: 0, to: 0 }, revisedKeys: { from: 0, to: 0 } }]);
  });

  it('names files <region>/<start>-<end>-<n>.zip with a five-digit batch number', () => {
    expect(exportFileName('VN', { start: T, end: T + HOUR }, 2)).toBe(`VN/${T}-${T + HOUR}-00002.zip`);
  });
});
