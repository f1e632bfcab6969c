import { isUniqueViolation } from '../db/database.js';
import { QueryShapes } from '../db/query-shapes.js';
import { Store } from '../db/transactions.js';
import { vnDayOf, type DayCount } from '../db/vn-day.js';
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

export class PublishStore extends Store implements PublishRepository {
  /** Every publish reads its keys and inserts them: compiled once for each number of keys (see QueryShapes). */
  private readonly shapes = new QueryShapes();

  async findPublished(keys: readonly Buffer[]): Promise<PublishedKey[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.shapes.execute(this.db, `findPublished:${keys.length}`, keys, () =>
      this.db
        .selectFrom('exposures')
        .select(['id', 'key_data', 'rolling_start_interval', 'rolling_period', 'report_type', 'revised_report_type'])
        .where('key_data', 'in', [...keys]),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      keyData: Buffer.from(r.key_data),
      rollingStartInterval: r.rolling_start_interval,
      rollingPeriod: r.rolling_period,
      reportType: r.report_type as ReportType,
      revisedReportType: r.revised_report_type as ReportType | null,
    }));
  }

  /**
   * Inserts new keys and revises old ones. With revisions, call it inside a transaction (the service's
   * `transactions.grouped`), so a publish lands whole or not at all; without, it is one statement, whole by itself.
   */
  async save(inserts: readonly ValidKey[], meta: NewExposureMeta, revisions: readonly KeyRevision[]): Promise<void> {
    try {
      if (inserts.length > 0) {
        const rows = inserts.map((k) => ({
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
        // The parameters row by row, in the columns' order above: what kysely's insert of these rows compiles to.
        const parameters = rows.flatMap((r) => Object.values(r));
        await this.shapes.execute(this.db, `insert:${rows.length}`, parameters, () => this.db.insertInto('exposures').values(rows));
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

  async keysPublishedPerDay(since: string): Promise<DayCount[]> {
    const day = vnDayOf(this.db, 'created_at');
    const rows = await this.db
      .selectFrom('exposures')
      .select([day.as('date'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('created_at', '>=', since)
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ date: r.date, count: Number(r.n) }));
  }
}
