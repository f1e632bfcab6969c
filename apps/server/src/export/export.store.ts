import { sql } from 'kysely';
import { isPostgres, isUniqueViolation, rawPostgresPages, rawSqliteRows } from '../db/database.js';
import { Store } from '../db/transactions.js';
import { KEY_RECORD_BYTES, KEY_RECORD_NULL_ONSET } from './export.key-table.js';
import { EXPORT_REPORT_TYPE_OF, UNKNOWN_STORED_REPORT_TYPE, type BatchRecord, type ExportFileInfo, type ExportWindow, type ExposureRow } from './export.model.js';
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

/** The export report type of `report_type`, in SQL, from the model's one table of them. */
const exportReportTypeSql = sql.raw(
  `case report_type ${Object.entries(EXPORT_REPORT_TYPE_OF)
    .map(([stored, type]) => `when '${stored}' then ${type}`)
    .join(' ')} else ${UNKNOWN_STORED_REPORT_TYPE} end`,
);
/** The last int32 of a key record: rolling period | report type << 8 | the null-onset flag (parenthesised: both databases give | and << one precedence). */
const packedSql = sql`(rolling_period | (${exportReportTypeSql} << 8) | (case when days_since_onset is null then ${sql.lit(KEY_RECORD_NULL_ONSET)} else 0 end))`;
/** A key as a packed key record (export.key-table.ts), in hex: printf's %08x of the low 32 bits is a big-endian int32. */
const SQLITE_KEY_RECORD = sql`hex(key_data) || printf('%08x%08x%08x%08x', rolling_start_interval & 4294967295, transmission_risk & 4294967295,
  coalesce(days_since_onset, 0) & 4294967295, ${packedSql})`;
/** The same as bytes: int4send is a big-endian int32. */
const POSTGRES_KEY_RECORD = sql`key_data || int4send(rolling_start_interval) || int4send(transmission_risk) || int4send(coalesce(days_since_onset, 0)) || int4send(${packedSql})`;

/** A page of `keys` key records, checked whole (a key_data of another length than 16 would shift every record after it). */
function wholeRecords(records: Uint8Array, keys: number): Uint8Array {
  if (records.length !== keys * KEY_RECORD_BYTES) throw new Error(`exposures: ${keys} key records in ${records.length} bytes; is every key_data 16 bytes?`);
  return records;
}

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
   * The window's keys not revised by its end (nearly all of them: a revision is a rare correction), as packed key
   * records (export.key-table.ts), a page of up to `pageSize` keys at a time, in no particular order. Each record is
   * built in SQL and a page arrives as one hex string (SQLite) or one buffer (PostgreSQL): a million keys read as
   * rows of JavaScript values cost about three times the CPU (measured with the export benchmark).
   * - SQLite: the window's first and last ids from the available_at index, then pages in id order between them;
   *   `+available_at` keeps each page on the id range rather than on the index, where every page would sort the
   *   whole window again.
   * - PostgreSQL: one query whose rows are the pages (grouped by id / pageSize), read through a cursor; paging by
   *   id there made the planner match and sort the whole window again for every page (84 s for a million keys).
   * A key revised while the batch is cut has its revision after the window's end, so it is read here, once, and
   * not by rowsRevisedByEnd (which takes revisions up to the end), whichever of the two reads came first.
   */
  async *keyRecordsUnrevisedByEnd(window: ExportWindow, pageSize: number): AsyncGenerator<Uint8Array> {
    const start = new Date(window.start * 1000).toISOString();
    const end = new Date(window.end * 1000).toISOString();
    if (isPostgres(this.db)) {
      const query = sql<{ records: Buffer; keys: string }>`select string_agg(${POSTGRES_KEY_RECORD}, ''::bytea) as records, count(*) as keys from exposures
        where (revised_at is null or revised_at > ${end}) and available_at > ${start} and available_at <= ${end} group by id / ${sql.lit(pageSize)}`.compile(this.db);
      // Four pages (about 640 kB) a read from the cursor.
      const pages = rawPostgresPages(this.db, query, 4) ?? [(await this.db.executeQuery(query)).rows.map((r) => [r.records, r.keys])];
      for await (const rows of pages) for (const [records, keys] of rows) yield wholeRecords(records as Buffer, Number(keys));
      return;
    }
    const bounds = await sql<{ first: number | null; last: number | null }>`select min(id) as first, max(id) as last from exposures
      where available_at > ${start} and available_at <= ${end}`.execute(this.db);
    const { first, last } = bounds.rows[0] ?? { first: null, last: null };
    if (first === null || last === null) return;
    for (let afterId = first - 1; afterId < last; ) {
      const query = sql<{ last_id: number; records: string; keys: number }>`select max(id) as last_id, group_concat(record, '') as records, count(*) as keys
        from (select id, ${SQLITE_KEY_RECORD} as record from exposures
          where id > ${afterId} and id <= ${last} and (revised_at is null or revised_at > ${end}) and +available_at > ${start} and +available_at <= ${end}
          order by id limit ${sql.lit(pageSize)})`.compile(this.db);
      const rows = (await rawSqliteRows(this.db, query)) ?? (await this.db.executeQuery(query)).rows.map((r) => [r.last_id, r.records, r.keys]);
      const [lastId, records, keys] = rows[0] ?? [];
      if (!keys) return;
      yield wholeRecords(Buffer.from(records as string, 'hex'), Number(keys));
      afterId = Number(lastId);
    }
  }

  /**
   * The rows revised by the window's end that the window concerns (available in it, or revised in it), `pageSize`
   * at a time: exportKeyOf decides each. Revisions are few, and both databases find them in the partial index on
   * revised_at. On SQLite, pages read as raw arrays (see rawSqliteRows); on PostgreSQL, one query streamed through a
   * cursor (as arrays too, see rawPostgresPages).
   */
  async *rowsRevisedByEnd(window: ExportWindow, pageSize: number): AsyncGenerator<ExposureRow[]> {
    const start = new Date(window.start * 1000).toISOString();
    const end = new Date(window.end * 1000).toISOString();
    const inWindow = this.db
      .selectFrom('exposures')
      .select([...EXPOSURE_COLUMNS])
      .select((isPostgres(this.db) ? sql<string>`encode(key_data, 'hex')` : sql<string>`hex(key_data)`).as('key_hex'))
      .where('revised_at', 'is not', null)
      .where('revised_at', '<=', end)
      .where((eb) => eb.or([eb.and([eb('available_at', '>', start), eb('available_at', '<=', end)]), eb('revised_at', '>', start)]));
    const asArray = (r: Record<string, unknown>) => [...EXPOSURE_COLUMNS.map((c) => r[c]), r.key_hex];
    if (isPostgres(this.db)) {
      // Inside a transaction (never the export's case) the window is read at once.
      const raw = rawPostgresPages(this.db, inWindow.compile(), pageSize) ?? [(await inWindow.execute()).map(asArray)];
      for await (const rows of raw) if (rows.length > 0) yield exposurePage(rows);
      return;
    }
    // Pages in the partial index's order (revised_at, then id): paged by id alone, SQLite walks the whole table.
    for (let after: [string, number] = ['', 0]; ; ) {
      const query = inWindow
        .where((eb) => eb(eb.refTuple('revised_at', 'id'), '>', eb.tuple(after[0], after[1])))
        .orderBy('revised_at')
        .orderBy('id')
        .limit(pageSize);
      const rows = (await rawSqliteRows(this.db, query.compile())) ?? (await query.execute()).map(asArray);
      if (rows.length > 0) yield exposurePage(rows);
      if (rows.length < pageSize) return;
      const last = rows.at(-1)!;
      after = [last[EXPOSURE_COLUMNS.indexOf('revised_at')] as string, Number(last[0])];
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
