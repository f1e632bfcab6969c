import { EXPORT_REPORT_TYPES, type ExportKey } from '@bluezone/protocol';
import type { ExportFileInfo } from '@bluezone/contract';

export type { ExportFileInfo };

/**
 * The pure part of cutting an export batch: which window, which keys, how much padding, in which order, split into
 * which files. No clock, randomness or I/O here (they come in as arguments), so every rule is tested with fakes.
 */

/** A published key as the export reads it from `exposures` (written by the publish domain). */
export interface ExposureRow {
  keyData: Uint8Array;
  transmissionRisk: number;
  rollingStartInterval: number;
  rollingPeriod: number;
  /** `confirmed` | `likely` | `negative` | `revoked` */
  reportType: string;
  daysSinceOnset: number | null;
  /** ISO time from which the key may be exported (embargo). */
  availableAt: string;
  revisedAt: string | null;
  revisedReportType: string | null;
  revisedTransmissionRisk: number | null;
  revisedDaysSinceOnset: number | null;
}

/** (start, end] in unix seconds: a key belongs to the batch whose window holds its available_at. */
export interface ExportWindow {
  start: number;
  end: number;
}

export interface BatchRecord extends ExportWindow {
  id: number;
  status: 'pending' | 'complete';
  leaseExpiresAt: string;
}

/**
 * Export report types (export.proto ReportType) of the stored ones. `negative` is only ever a revision (the test
 * came back negative, Google's verification server's meaning) and, like `revoked`, withdraws the key: REVOKED.
 * The export's store maps them in SQL from this table too (export.store.ts), so it is the one place they are named.
 */
export const EXPORT_REPORT_TYPE_OF: Readonly<Record<string, number>> = {
  confirmed: EXPORT_REPORT_TYPES.CONFIRMED_TEST,
  likely: EXPORT_REPORT_TYPES.CONFIRMED_CLINICAL_DIAGNOSIS,
  negative: EXPORT_REPORT_TYPES.REVOKED,
  revoked: EXPORT_REPORT_TYPES.REVOKED,
};

/** What the store's SQL writes for a stored report type missing from EXPORT_REPORT_TYPE_OF (no export type is 255). */
export const UNKNOWN_STORED_REPORT_TYPE = 255;

export function exportReportType(reportType: string): number {
  const type = Object.hasOwn(EXPORT_REPORT_TYPE_OF, reportType) ? EXPORT_REPORT_TYPE_OF[reportType] : undefined;
  if (type === undefined) throw new Error(`unknown report type ${JSON.stringify(reportType)}`);
  return type;
}

export const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/**
 * The next window to cut, or null when there is nothing new. It starts where the last batch ended (so windows chain
 * without gap or overlap); the very first starts a key-retention before its end, so no key still worth
 * downloading is left out. `period` mode (the worker) ends on the last period boundary at least `settle` seconds
 * ago; `now` mode (`bluezone export run`) ends `settle` seconds ago. A gap (server down) is cut as one window.
 */
export function nextWindow(
  last: ExportWindow | undefined,
  nowSeconds: number,
  options: { mode: 'period' | 'now'; periodSeconds: number; settleSeconds: number; keyRetentionSeconds: number },
): ExportWindow | null {
  const upTo = nowSeconds - options.settleSeconds;
  const period = options.periodSeconds > 0 ? options.periodSeconds : 3600;
  const end = options.mode === 'now' ? upTo : Math.floor(upTo / period) * period;
  const start = last ? last.end : Math.floor((end - options.keyRetentionSeconds) / period) * period;
  return end > start ? { start, end } : null;
}

function exportKey(row: ExposureRow, revised: boolean): ExportKey {
  return {
    keyData: row.keyData,
    transmissionRiskLevel: revised ? (row.revisedTransmissionRisk ?? row.transmissionRisk) : row.transmissionRisk,
    rollingStartIntervalNumber: row.rollingStartInterval,
    rollingPeriod: row.rollingPeriod,
    reportType: exportReportType(revised ? (row.revisedReportType ?? row.reportType) : row.reportType),
    daysSinceOnsetOfSymptoms: revised ? (row.revisedDaysSinceOnset ?? row.daysSinceOnset) : row.daysSinceOnset,
  };
}

/**
 * Where a row of a window goes:
 * - a key whose available_at is in the window goes out once, with its revised values if it was revised by the
 *   window's end, and not at all if that revision withdrew it (a phone never needs a key it must then forget);
 * - a key exported by an earlier batch and revised in this window goes into revisedKeys;
 * - a key revised in this window but still under embargo waits for its own window (then with the new values).
 * `start` and `end` are the window's bounds as ISO text (iso()), compared as the database compares them.
 */
export function exportKeyOf(row: ExposureRow, start: string, end: string): { revised: boolean; key: ExportKey } | null {
  const revisedByEnd = row.revisedAt !== null && row.revisedAt <= end;
  if (row.availableAt > start && row.availableAt <= end) {
    const key = exportKey(row, revisedByEnd);
    return key.reportType === EXPORT_REPORT_TYPES.REVOKED ? null : { revised: false, key };
  }
  if (row.availableAt <= start && revisedByEnd && row.revisedAt! > start) return { revised: true, key: exportKey(row, true) };
  return null;
}

/**
 * Whether a key available in the window and not revised by its end goes out, by its export report type: exportKeyOf's
 * rule for such a row, for the keys the store hands over as packed records (export.key-table.ts) instead of rows.
 */
export function keepsUnrevisedKey(reportType: number): boolean {
  if (reportType === UNKNOWN_STORED_REPORT_TYPE) throw new Error('unknown report type in exposures');
  return reportType !== EXPORT_REPORT_TYPES.REVOKED;
}

/** exportKeyOf over a list of rows. */
export function batchKeys(rows: readonly ExposureRow[], window: ExportWindow): { keys: ExportKey[]; revisedKeys: ExportKey[] } {
  const start = iso(window.start);
  const end = iso(window.end);
  const keys: ExportKey[] = [];
  const revisedKeys: ExportKey[] = [];
  for (const row of rows) {
    const out = exportKeyOf(row, start, end);
    if (out) (out.revised ? revisedKeys : keys).push(out.key);
  }
  return { keys, revisedKeys };
}

/** Padding to reach minKeys plus a jitter drawn in 0..paddingJitter, so equal batches do not show equal sizes. */
export function paddingCount(realKeys: number, minKeys: number, jitter: number): number {
  return Math.max(0, minKeys + jitter - realKeys);
}

/** A uniform integer in 0..n-1 from four random bytes (bias below 2^-32 · n, nothing an observer can use). */
export function randomBelow(bytes: (length: number) => Uint8Array, n: number): number {
  const b = bytes(4);
  return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) % n;
}

/**
 * Random keys that look like real ones: fresh random key bytes, every other field copied from a random real key of
 * the batch (Google's export server does the same), or, with no real key, a confirmed key of one of the 14 days
 * before the window's end with plausible risk and onset values.
 */
export function paddingKeys(
  count: number,
  realKeys: { readonly length: number; at(index: number): ExportKey | undefined },
  window: ExportWindow,
  bytes: (length: number) => Uint8Array,
): ExportKey[] {
  const out: ExportKey[] = [];
  const lastDay = Math.floor(window.end / 86400) - 1;
  for (let i = 0; i < count; i++) {
    const keyData = Uint8Array.from(bytes(16));
    if (realKeys.length > 0) {
      const model = realKeys.at(randomBelow(bytes, realKeys.length))!;
      out.push({ ...model, keyData });
      continue;
    }
    out.push({
      keyData,
      transmissionRiskLevel: 1 + randomBelow(bytes, 7),
      rollingStartIntervalNumber: (lastDay - randomBelow(bytes, 14)) * 144,
      rollingPeriod: 144,
      reportType: EXPORT_REPORT_TYPES.CONFIRMED_TEST,
      daysSinceOnsetOfSymptoms: randomBelow(bytes, 15) - 2,
    });
  }
  return out;
}

/** Which keys go into one file: indices [from, to) of the sorted keys and of the sorted revised keys. */
export interface FilePart {
  keys: { from: number; to: number };
  revisedKeys: { from: number; to: number };
}

/** Cuts a sorted batch into files of at most maxKeysPerFile keys (keys first, then revised keys), at least one. */
export function splitBatch(keyCount: number, revisedCount: number, maxKeysPerFile: number): FilePart[] {
  const total = keyCount + revisedCount;
  const files = Math.max(1, Math.ceil(total / maxKeysPerFile));
  const out: FilePart[] = [];
  for (let f = 0; f < files; f++) {
    const from = f * maxKeysPerFile;
    const to = Math.min(total, from + maxKeysPerFile);
    out.push({
      keys: { from: Math.min(from, keyCount), to: Math.min(to, keyCount) },
      revisedKeys: { from: Math.max(0, from - keyCount), to: Math.max(0, to - keyCount) },
    });
  }
  return out;
}

/** `VN/1700000000-1700003600-00001.zip`: the path under the exports directory, as index.txt lists it. */
export function exportFileName(region: string, window: ExportWindow, batchNum: number): string {
  return `${region}/${window.start}-${window.end}-${String(batchNum).padStart(5, '0')}.zip`;
}
