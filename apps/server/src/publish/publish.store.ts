import { CompiledQuery } from 'kysely';
import { isPostgres, isUniqueViolation, type Db } from '../db/database.js';
import { prepared } from '../db/prepared-statements.js';
import { QueryShapes } from '../db/query-shapes.js';
import type { ExposureTable } from '../db/schema.js';
import { StatementBatch } from '../db/statement-batch.js';
import { Store } from '../db/transactions.js';
import { countPerVnDay, type DayCount } from '../db/vn-day.js';
import { AppError } from '../errors.js';
import type { ReportType, ValidKey } from './publish.model.js';
import type { PublishRepository } from './publish.service.js';

/** A key already published, as a revision needs it. */
export interface PublishedKey {
  id: number;
  keyData: Buffer;
  rollingStartInterval: number;
  rollingPeriod: number;
  reportType: ReportType;
  revisedReportType: ReportType | null;
}

export interface NewExposureMeta {
  reportType: ReportType;
  traveler: boolean;
  healthAuthority: string;
  createdAt: string;
}

export interface KeyRevision {
  id: number;
  reportType: ReportType;
  transmissionRisk: number;
  daysSinceOnset: number | null;
  revisedAt: string;
}

/** A new key's row as inserted: the table's columns but its id and the revision's. */
type ExposureRow = Pick<ExposureTable, 'key_data' | 'transmission_risk' | 'rolling_start_interval' | 'rolling_period' | 'report_type' | 'days_since_onset' | 'traveler' | 'health_authority' | 'created_at' | 'available_at'>;

/**
 * The new keys of several publishes in one PostgreSQL statement, a column an array: its text is the same whatever
 * the number of rows.
 */
const INSERT_MANY_POSTGRES = prepared(`insert into exposures (key_data, transmission_risk, rolling_start_interval, rolling_period, report_type, days_since_onset, traveler, health_authority, created_at, available_at)
select * from unnest($1::bytea[], $2::integer[], $3::integer[], $4::integer[], $5::text[], $6::integer[], $7::integer[], $8::text[], $9::text[], $10::text[])`);

function insertManyPostgres(db: Db, rows: readonly ExposureRow[]): Promise<unknown> {
  const columns: unknown[][] = Array.from({ length: 10 }, () => []);
  for (const r of rows) {
    columns[0]!.push(r.key_data);
    columns[1]!.push(r.transmission_risk);
    columns[2]!.push(r.rolling_start_interval);
    columns[3]!.push(r.rolling_period);
    columns[4]!.push(r.report_type);
    columns[5]!.push(r.days_since_onset);
    columns[6]!.push(r.traveler);
    columns[7]!.push(r.health_authority);
    columns[8]!.push(r.created_at);
    columns[9]!.push(r.available_at);
  }
  return db.executeQuery(CompiledQuery.raw(INSERT_MANY_POSTGRES, columns));
}

function exposureRows(keys: readonly ValidKey[], meta: NewExposureMeta): ExposureRow[] {
  return keys.map((k) => ({
    key_data: k.keyData,
    transmission_risk: k.transmissionRisk,
    rolling_start_interval: k.rollingStartInterval,
    rolling_period: k.rollingPeriod,
    report_type: meta.reportType,
    days_since_onset: k.daysSinceOnset,
    traveler: meta.traveler ? 1 : 0,
    health_authority: meta.healthAuthority,
    created_at: meta.createdAt,
    available_at: k.availableAt,
  }));
}

/** A key published already (unique key_data) refused the insert whole: false. Any other failure is thrown. */
function unlessDuplicate(error: unknown): false {
  if (isUniqueViolation(error)) return false;
  throw error;
}

interface PublishedKeyRow {
  id: number | string;
  key_data: Buffer;
  rolling_start_interval: number;
  rolling_period: number;
  report_type: string;
  revised_report_type: string | null;
}

const toPublishedKey = (r: PublishedKeyRow): PublishedKey => ({
  id: Number(r.id),
  keyData: Buffer.from(r.key_data),
  rollingStartInterval: r.rolling_start_interval,
  rollingPeriod: r.rolling_period,
  reportType: r.report_type as ReportType,
  revisedReportType: r.revised_report_type as ReportType | null,
});

/** The published keys among those of several publishes, in one PostgreSQL query. */
const FIND_MANY_POSTGRES = prepared(`select id, key_data, rolling_start_interval, rolling_period, report_type, revised_report_type
from exposures where key_data = any($1::bytea[])`);

export class PublishStore extends Store implements PublishRepository {
  /** Every publish reads its keys and inserts them: compiled once for each number of keys (see QueryShapes). */
  private readonly shapes = new QueryShapes();
  /**
   * On PostgreSQL, the inserts of concurrent publishes without revisions, outside a transaction, go out as one
   * statement (see StatementBatch); a batch that fails runs each publish's insert alone, so a key published
   * meanwhile fails its own publish only.
   */
  private readonly inserts = isPostgres(this.root)
    ? new StatementBatch<readonly ExposureRow[], void>(
        async (items) => {
          await insertManyPostgres(this.root, items.flat());
          return items.map(() => undefined);
        },
        (rows) => this.insertRows(this.root, rows),
      )
    : undefined;

  /**
   * On PostgreSQL, the look-ups of concurrent publishes outside a transaction go out as one query (see
   * StatementBatch), whose rows are dealt back to the publishes whose keys they are.
   */
  private readonly lookups = isPostgres(this.root)
    ? new StatementBatch<readonly Buffer[], PublishedKey[]>(
        async (items) => {
          const { rows } = await this.root.executeQuery<PublishedKeyRow>(CompiledQuery.raw(FIND_MANY_POSTGRES, [items.flat()]));
          if (rows.length === 0) return items.map(() => []);
          const found = new Map(rows.map((r) => [Buffer.from(r.key_data).toString('hex'), toPublishedKey(r)]));
          return items.map((keys) => keys.flatMap((k) => found.get(k.toString('hex')) ?? []));
        },
        (keys) => this.findPublishedOne(keys, this.root),
      )
    : undefined;

  private async insertRows(db: Db, rows: readonly ExposureRow[]): Promise<void> {
    // The parameters row by row, in the columns' order of ExposureRow: what kysely's insert of these rows compiles to.
    const parameters = rows.flatMap((r) => Object.values(r));
    await this.shapes.execute(db, `insert:${rows.length}`, parameters, () => db.insertInto('exposures').values([...rows]));
  }

  async findPublished(keys: readonly Buffer[]): Promise<PublishedKey[]> {
    if (keys.length === 0) return [];
    return this.lookups && !this.inTransaction ? this.lookups.submit(keys) : this.findPublishedOne(keys, this.db);
  }

  private async findPublishedOne(keys: readonly Buffer[], db: Db): Promise<PublishedKey[]> {
    const { rows } = await this.shapes.execute(db, `findPublished:${keys.length}`, keys, () =>
      db
        .selectFrom('exposures')
        .select(['id', 'key_data', 'rolling_start_interval', 'rolling_period', 'report_type', 'revised_report_type'])
        .where('key_data', 'in', [...keys]),
    );
    return rows.map(toPublishedKey);
  }


  async insertNew(keys: readonly ValidKey[], meta: NewExposureMeta): Promise<boolean> {
    const rows = exposureRows(keys, meta);
    if (this.inserts && !this.inTransaction) return this.inserts.submit(rows).then(() => true, unlessDuplicate);
    if (isPostgres(this.root)) {
      // A failed statement would abort the open transaction: look first (a key stored between the two fails the
      // insert, and the transaction with it, as a save's race does).
      if ((await this.findPublishedOne(keys.map((k) => k.keyData), this.db)).length > 0) return false;
      await this.save(keys, meta, []);
      return true;
    }
    // SQLite undoes the failed statement only; the transaction, if one is open, goes on.
    return this.insertRows(this.db, rows).then(() => true, unlessDuplicate);
  }

  /**
   * Inserts new keys and revises old ones. With revisions, call it inside a transaction (the service's
   * `transactions.grouped`), so a publish lands whole or not at all; without, it is one statement, whole by itself.
   */
  async save(inserts: readonly ValidKey[], meta: NewExposureMeta, revisions: readonly KeyRevision[]): Promise<void> {
    try {
      if (inserts.length > 0) {
        const rows = exposureRows(inserts, meta);
        if (this.inserts && revisions.length === 0 && !this.inTransaction) await this.inserts.submit(rows);
        else await this.insertRows(this.db, rows);
      }
      for (const r of revisions) {
        await this.db
          .updateTable('exposures')
          .set({ revised_at: r.revisedAt, revised_report_type: r.reportType, revised_transmission_risk: r.transmissionRisk, revised_days_since_onset: r.daysSinceOnset })
          .where('id', '=', r.id)
          .where('revised_at', 'is', null)
          .execute();
      }
    } catch (error) {
      // Another publish stored one of these keys between our read and this write.
      if (isUniqueViolation(error)) throw new AppError('invalid_revision_token', 'some keys were published meanwhile; publish again with the revision token');
      throw error;
    }
  }

  async keysPublishedPerDay(days: readonly string[]): Promise<DayCount[]> {
    return countPerVnDay(this.db, 'exposures', 'created_at', days);
  }
}
