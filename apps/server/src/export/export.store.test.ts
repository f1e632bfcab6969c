import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { insertExposures, type TestExposure } from '../test-support/exposures.js';
import { KeyTable } from './export.key-table.js';
import { batchKeys, exportKeyOf, iso, keepsUnrevisedKey, type ExportWindow, type ExposureRow } from './export.model.js';
import { ExportStore } from './export.store.js';

const T = 1_795_910_400; // 2026-11-28T00:00:00Z
const WINDOW: ExportWindow = { start: T, end: T + 3600 };

/**
 * The store hands the export a window's keys not revised by its end as records built in SQL, and the rows revised
 * by then as rows the model decides. Together they must give exactly what the model gives for every row of the window (batchKeys), on
 * both databases: random rows with every report type, null and negative onsets, and revisions before, in and after
 * the window, some under embargo.
 */
describeEachDialect('export store: the window read as packed records and revised rows', (dialect) => {
  let t: TestDatabase;
  const rows: ExposureRow[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    // Deterministic draws (SHA-256 of a counter), so a failure shows again on the next run.
    let drawn = 0;
    const bytes = (length: number) => createHash('sha256').update(`export-store-${drawn++}`).digest().subarray(0, length);
    const pick = <T>(items: readonly T[]) => items[bytes(1)[0]! % items.length]!;
    const times = [T - 7200, T - 1, T, T + 1, T + 1800, T + 3600, T + 3601, T + 7200];
    const exposures: TestExposure[] = [];
    for (let i = 0; i < 600; i++) {
      const revised = i % 4 === 0;
      exposures.push({
        keyData: Uint8Array.from(bytes(16)),
        rollingStartInterval: 2_993_040 + 144 * (i % 14),
        rollingPeriod: i % 50 === 0 ? 1 + (i % 143) : 144,
        transmissionRisk: i % 9,
        reportType: pick(['confirmed', 'confirmed', 'likely', 'negative', 'revoked']),
        daysSinceOnset: pick([null, -14, -1, 0, 3, 14]),
        availableAt: iso(pick(times)),
        revisedAt: revised ? iso(pick(times)) : null,
        revisedReportType: revised ? pick(['confirmed', 'likely', 'negative', 'revoked', null]) : null,
        revisedTransmissionRisk: revised ? pick([null, 0, 7]) : null,
        revisedDaysSinceOnset: revised ? pick([null, -5, 9]) : null,
      });
    }
    await insertExposures(t.db, exposures);
    for (const e of exposures) {
      rows.push({
        keyData: e.keyData,
        transmissionRisk: e.transmissionRisk ?? 0,
        rollingStartInterval: e.rollingStartInterval,
        rollingPeriod: e.rollingPeriod ?? 144,
        reportType: e.reportType ?? 'confirmed',
        daysSinceOnset: e.daysSinceOnset ?? null,
        availableAt: e.availableAt,
        revisedAt: e.revisedAt ?? null,
        revisedReportType: e.revisedReportType ?? null,
        revisedTransmissionRisk: e.revisedTransmissionRisk ?? null,
        revisedDaysSinceOnset: e.revisedDaysSinceOnset ?? null,
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const hexOf = (keys: Iterable<{ keyData: Uint8Array }>) => [...keys].map((k) => ({ ...k, keyData: Buffer.from(k.keyData).toString('hex') }));
  const sorted = <K extends { keyData: string }>(keys: K[]) => keys.sort((a, b) => a.keyData.localeCompare(b.keyData));

  it('gives the model’s keys and revised keys for the window, whatever the page size', async () => {
    const expected = batchKeys(rows, WINDOW);
    expect(expected.keys.length).toBeGreaterThan(50);
    expect(expected.revisedKeys.length).toBeGreaterThan(5);
    const store = new ExportStore(t.db);
    for (const pageSize of [7, 5000]) {
      const keys = new KeyTable();
      const revisedKeys = new KeyTable();
      let pages = 0;
      for await (const records of store.keyRecordsUnrevisedByEnd(WINDOW, pageSize)) {
        pages++;
        keys.pushRecords(records, keepsUnrevisedKey);
      }
      for await (const page of store.rowsRevisedByEnd(WINDOW, pageSize)) {
        for (const row of page) {
          const out = exportKeyOf(row, iso(WINDOW.start), iso(WINDOW.end));
          if (out) (out.revised ? revisedKeys : keys).push(out.key);
        }
      }
      const all = (table: KeyTable) => Array.from({ length: table.length }, (_, i) => table.at(i)!);
      expect(sorted(hexOf(all(keys)))).toEqual(sorted(hexOf(expected.keys)));
      expect(sorted(hexOf(all(revisedKeys)))).toEqual(sorted(hexOf(expected.revisedKeys)));
      if (pageSize === 7) expect(pages).toBeGreaterThan(3);
    }
  });

  it('reads nothing from an empty window', async () => {
    const store = new ExportStore(t.db);
    const empty = { start: T + 86400, end: T + 86400 + 3600 };
    const pages: unknown[] = [];
    for await (const page of store.keyRecordsUnrevisedByEnd(empty, 100)) pages.push(page);
    for await (const page of store.rowsRevisedByEnd(empty, 100)) pages.push(page);
    expect(pages).toEqual([]);
  });
});
