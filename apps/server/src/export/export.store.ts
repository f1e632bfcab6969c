import { sql } from 'kysely';
import { isPostgres, isUniqueViolation, rawPostgresPages, rawSqliteRows } from '../db/database.js';
import { Store } from '../db/transactions.js';
import type { BatchRecord, ExportFileInfo, ExportWindow, ExposureRow } from './export.model.js';
import type { ExportRepository } from './export.service.js';

/** A file of a completed batch, before it has an id. */
export interface NewExportFile {
  name: string;
  batchNum: number;
  batchSize: number;
  keys: number;
  bytes: number;
}

export interface BatchTotals {
  keys: number;
  realKeys: number;
  revisedKeys: number;
  bytes: number;
}

const EXPOSURE_COLUMNS = [
  'id',
  'transmission_risk',
  'rolling_start_interval',
  'rolling_period',
  'report_type',
  'days_since_onset',
  'available_at',
  'revised_at',
  'revised_report_type',
  'revised_transmission_risk',
  'revised_days_since_onset',
] as const;

/**
 * Rows of EXPOSURE_COLUMNS then the key as hex text, in that order. The keys of a page land in one buffer, each row's
 * keyData a view into it: a buffer of its own for each of a million keys cost more in garbage collection than
 * reading them (measured with --cpu-prof on the export benchmark).
 */
function exposurePage(rows: readonly unknown[][]): Array<ExposureRow & { id: number }> {
  const keys = Buffer.alloc(rows.length * 16);
  return rows.map((r, i) => {
    keys.write(r[11] as string, i * 16, 16, 'hex');
    return {
      id: Number(r[0]),
      keyData: keys.subarray(i * 16, i * 16 + 16),
      transmissionRisk: r[1] as number,
      rollingStartInterval: r[2] as number,
      rollingPeriod: r[3] as number,
      reportType: r[4] as string,
      daysSinceOnset: r[5] as number | null,
      availableAt: r[6] as string,
      revisedAt: r[7] as string | null,
      revisedReportType: r[8] as string | null,
      revisedTransmissionRisk: r[9] as number | null,
      revisedDaysSinceOnset: r[10] as number | null,
    };
  });
}

export class ExportStore extends Store implements ExportRepository {
  /** The batch with the latest window of the region, whatever its status. */
  async latestBatch(region: string): Promise<BatchRecord | undefined> {
    const row = await this.db
      .selectFrom('export_batches')
      .select(['id', 'start_timestamp', 'end_timestamp', 'status', 'lease_expires_at'])
      .where('region', '=', region)
      .orderBy('end_timestamp', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: Number(row.id),
      start: Number(row.start_timestamp),
      end: Number(row.end_timestamp),
      status: row.status as BatchRecord['status'],
      leaseExpiresAt: row.lease_expires_at,
    };
  }

  /** Claims a window for cutting; undefined when another process claimed a batch starting there first. */
  async claimBatch(region: string, window: ExportWindow, leaseExpiresAt: string, now: Date): Promise<number | undefined> {
    try {
      const row = await this.db
        .insertInto('export_batches')
        .values({
          region,
          start_timestamp: window.start,
          end_timestamp: window.end,
          status: 'pending',
          lease_expires_at: leaseExpiresAt,
          file_count: 0,
          key_count: 0,
          real_key_count: 0,
          revised_key_count: 0,
          bytes: 0,
          created_at: now.toISOString(),
          completed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Takes over a pending batch whose lease ran out (its process died); false if another process took it first. */
  async reclaimBatch(id: number, expiredLease: string, leaseExpiresAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('export_batches')
      .set({ lease_expires_at: leaseExpiresAt })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lease_expires_at', '=', expiredLease)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives up a pending batch after a failure: an empty lease sorts before every time, so anyone may take it over. */
  async releaseBatch(id: number): Promise<void> {
    await this.db.updateTable('export_batches').set({ lease_expires_at: '' }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  /**
   * Keys that became available, or were revised, in the window (start, end], `pageSize` rows at a time, in no
   * particular order: a million-key batch is read without holding a million rows at once. On SQLite, pages in id
   * order read as raw arrays (see rawSqliteRows); on PostgreSQL, one query streamed through a cursor (as arrays too,
   * see rawPostgresPages), since paging
   * by id there made the planner match and sort the whole window again for every page (84 s for a million keys,
   * measured with the export benchmark).
   */
  async *exposurePagesInWindow(window: ExportWindow, pageSize: number): AsyncGenerator<ExposureRow[]> {
    const start = new Date(window.start * 1000).toISOString();
    const end = new Date(window.end * 1000).toISOString();
    const inWindow = this.db
      .selectFrom('exposures')
      .select([...EXPOSURE_COLUMNS])
      .select((isPostgres(this.db) ? sql<string>`encode(key_data, 'hex')` : sql<string>`hex(key_data)`).as('key_hex'))
      .where((eb) =>
        eb.or([
          eb.and([eb('available_at', '>', start), eb('available_at', '<=', end)]),
          eb.and([eb('revised_at', '>', start), eb('revised_at', '<=', end)]),
        ]),
      );
    const asArray = (r: Record<string, unknown>) => [...EXPOSURE_COLUMNS.map((c) => r[c]), r.key_hex];
    if (isPostgres(this.db)) {
      // Inside a transaction (never the export's case) the window is read at once.
      const raw = rawPostgresPages(this.db, inWindow.compile(), pageSize) ?? [(await inWindow.execute()).map(asArray)];
      for await (const rows of raw) if (rows.length > 0) yield exposurePage(rows);
      return;
    }
    for (let afterId = 0; ; ) {
      const query = inWindow.where('id', '>', afterId).orderBy('id').limit(pageSize);
      const rows = (await rawSqliteRows(this.db, query.compile())) ?? (await query.execute()).map(asArray);
      if (rows.length > 0) yield exposurePage(rows);
      if (rows.length < pageSize) return;
      afterId = Number(rows.at(-1)![0]);
    }
  }

  /** Records the batch's files and marks it complete, in one transaction. */
  async completeBatch(id: number, region: string, window: ExportWindow, files: readonly NewExportFile[], totals: BatchTotals, now: Date): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const file of files) {
        await tx
          .insertInto('export_files')
          .values({
            batch_id: id,
            region,
            name: file.name,
            start_timestamp: window.start,
            end_timestamp: window.end,
            batch_num: file.batchNum,
            batch_size: file.batchSize,
            key_count: file.keys,
            bytes: file.bytes,
            created_at: now.toISOString(),
          })
          .execute();
      }
      await tx
        .updateTable('export_batches')
        .set({
          status: 'complete',
          file_count: files.length,
          key_count: totals.keys,
          real_key_count: totals.realKeys,
          revised_key_count: totals.revisedKeys,
          bytes: totals.bytes,
          completed_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Live files, oldest first (the order of index.txt); every region when none is given. */
  async listFiles(region?: string): Promise<ExportFileInfo[]> {
    let query = this.db.selectFrom('export_files').selectAll().orderBy('end_timestamp').orderBy('batch_num');
    if (region !== undefined) query = query.where('region', '=', region);
    const rows = await query.execute();
    return rows.map((r) => ({
      region: r.region,
      name: r.name,
      startTimestamp: Number(r.start_timestamp),
      endTimestamp: Number(r.end_timestamp),
      batchNum: r.batch_num,
      batchSize: r.batch_size,
      keys: r.key_count,
      bytes: Number(r.bytes),
      createdAt: r.created_at,
    }));
  }

  /** Forgets the files whose window ended at or before `endedBy`; returns their names, to delete from disk. */
  async deleteFilesEndedBy(region: string, endedBy: number): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('export_files')
      .where('region', '=', region)
      .where('end_timestamp', '<=', endedBy)
      .returning('name')
      .execute();
    return rows.map((r) => r.name);
  }

  /** Deletes keys whose last interval ended before the interval number `beforeInterval`; returns how many. */
  async deleteExposuresEndedBefore(beforeInterval: number): Promise<number> {
    const result = await this.db
      .deleteFrom('exposures')
      .where((eb) => eb(eb('rolling_start_interval', '+', eb.ref('rolling_period')), '<=', beforeInterval))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
