import type { IndicatorKey, ReportStatus } from '@bluezone/contract';
import { sql } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import { Store } from '../db/transactions.js';
import type { CheckedReport } from './campaigns.model.js';
import type { ContactRecord, ReportChanges, ReportRecord, StoredValue } from './campaigns.records.js';

const CHUNK = 500;

export type ReminderKind = 'before' | 'after';

/** Reports and their indicator values, the contacts of recipients, the unit lineage for roll-ups, and reminders sent. */
export class ReportsStore extends Store {
  /** The report of one recipient in one round, with its values; undefined before its first save. */
  async report(roundId: number, recipientId: number): Promise<ReportRecord | undefined> {
    const row = await this.reportsQuery().where('round_id', '=', roundId).where('recipient_id', '=', recipientId).executeTakeFirst();
    if (!row) return undefined;
    const values = await this.values([Number(row.id)]);
    return toReport(row, values.get(Number(row.id)) ?? []);
  }

  /** Every report of a round, with values, by recipient id. */
  async roundReports(roundId: number): Promise<Map<number, ReportRecord>> {
    const rows = await this.reportsQuery().where('round_id', '=', roundId).execute();
    const values = new Map<number, StoredValue[]>();
    // One query for all values of the round rather than one per report: 10,000 reports are 50,000 values.
    const valueRows = await this.db
      .selectFrom('campaign_report_values as v')
      .innerJoin('campaign_reports as r', 'r.id', 'v.report_id')
      .select(['v.report_id', 'v.indicator', 'v.quantity', 'v.percent', 'v.note'])
      .where('r.round_id', '=', roundId)
      .execute();
    for (const v of valueRows) pushValue(values, v);
    return new Map(rows.map((row) => [Number(row.recipient_id), toReport(row, values.get(Number(row.id)) ?? [])]));
  }

  /** Statuses of a recipient's reports in every round, by round id. */
  async statusesOf(recipientIds: readonly number[]): Promise<{ recipientId: number; roundId: number; status: ReportStatus; late: boolean }[]> {
    if (recipientIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('campaign_reports')
      .select(['recipient_id', 'round_id', 'status', 'late'])
      .where('recipient_id', 'in', [...recipientIds])
      .execute();
    return rows.map((r) => ({ recipientId: Number(r.recipient_id), roundId: Number(r.round_id), status: r.status as ReportStatus, late: Number(r.late) === 1 }));
  }

  /** Creates the report as a draft or overwrites its figures, keeping its status; values are replaced whole. */
  async save(roundId: number, recipientId: number, report: CheckedReport, userId: number, at: Date): Promise<number> {
    const existing = await this.db.selectFrom('campaign_reports').select('id').where('round_id', '=', roundId).where('recipient_id', '=', recipientId).executeTakeFirst();
    const figures = { staff_total: report.staffTotal, staff_installed: report.staffInstalled, proposals: report.proposals, updated_at: at.toISOString(), updated_by: userId };
    let id: number;
    if (existing) {
      id = Number(existing.id);
      await this.db.updateTable('campaign_reports').set(figures).where('id', '=', id).execute();
      await this.db.deleteFrom('campaign_report_values').where('report_id', '=', id).execute();
    } else {
      const row = await this.db
        .insertInto('campaign_reports')
        .values({ round_id: roundId, recipient_id: recipientId, status: 'draft', late: 0, created_at: at.toISOString(), ...figures })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = Number(row.id);
    }
    if (report.values.length > 0) {
      await this.db
        .insertInto('campaign_report_values')
        .values(report.values.map((v) => ({ report_id: id, indicator: v.indicator, quantity: v.quantity, percent: v.percent, note: v.note })))
        .execute();
    }
    return id;
  }

  async update(reportId: number, changes: ReportChanges): Promise<void> {
    await this.db
      .updateTable('campaign_reports')
      .set({
        ...(changes.status !== undefined && { status: changes.status }),
        ...(changes.submittedAt !== undefined && { submitted_at: changes.submittedAt }),
        ...(changes.late !== undefined && { late: changes.late ? 1 : 0 }),
        ...(changes.reviewComment !== undefined && { review_comment: changes.reviewComment }),
        ...(changes.reviewedAt !== undefined && { reviewed_at: changes.reviewedAt }),
        ...(changes.reviewedBy !== undefined && { reviewed_by: changes.reviewedBy }),
      })
      .where('id', '=', reportId)
      .execute();
  }

  /**
   * The officials who answer for each recipient of a campaign: the unit officers of a unit, the agency reporters of an
   * agency; enabled accounts only. Two indexed joins rather than one join on an OR.
   */
  async contacts(campaignId: number): Promise<ContactRecord[]> {
    const select = ['r.id as recipient_id', 'u.id as user_id', 'u.display_name', 'u.username', 'u.email', 'u.phone'] as const;
    const ofUnits = await this.db
      .selectFrom('campaign_recipients as r')
      .innerJoin('users as u', 'u.unit_code', 'r.unit_code')
      .select(select)
      .where('r.campaign_id', '=', campaignId)
      .where('u.role', '=', 'unit_officer')
      .where('u.disabled', '=', 0)
      .execute();
    const ofAgencies = await this.db
      .selectFrom('campaign_recipients as r')
      .innerJoin('users as u', 'u.agency_id', 'r.agency_id')
      .select(select)
      .where('r.campaign_id', '=', campaignId)
      .where('u.role', '=', 'agency_reporter')
      .where('u.disabled', '=', 0)
      .execute();
    return [...ofUnits, ...ofAgencies]
      .map((r) => ({ recipientId: Number(r.recipient_id), userId: Number(r.user_id), displayName: r.display_name, username: r.username, email: r.email, phone: r.phone }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  /**
   * Each recipient's home unit and every unit above it, by a recursive query (the same on SQLite and PostgreSQL):
   * `[home unit, ancestor]` pairs, the home unit itself included, for the roll-up up the tree.
   */
  async lineage(campaignId: number): Promise<{ start: string; code: string }[]> {
    const rows = await this.db
      .withRecursive('lineage(start, code, parent_code, depth)', (qb) =>
        qb
          .selectFrom('units')
          .select(['code as start', 'code', 'parent_code', sql<number>`0`.as('depth')])
          .where('code', 'in', (sub) => sub.selectFrom('campaign_recipients').select('home_unit_code').where('campaign_id', '=', campaignId))
          .unionAll((union) =>
            union
              .selectFrom('units as parent')
              .innerJoin('lineage', 'lineage.parent_code', 'parent.code')
              // The depth bound stops a cycle a hand-edited database might hold.
              .where('lineage.depth', '<', 64)
              .select(['lineage.start', 'parent.code', 'parent.parent_code', sql<number>`lineage.depth + 1`.as('depth')]),
          ),
      )
      .selectFrom('lineage')
      .select(['start', 'code'])
      .execute();
    return rows.map((r) => ({ start: r.start, code: r.code }));
  }

  /**
   * Records that a reminder of `kind` goes to a recipient for a round, or returns false when one already went: the
   * primary key decides, so two processes (or two runs) never both send it.
   */
  async claimReminder(roundId: number, recipientId: number, kind: ReminderKind, at: Date): Promise<boolean> {
    try {
      await this.db.insertInto('campaign_reminders').values({ round_id: roundId, recipient_id: recipientId, kind, sent_at: at.toISOString(), notified: 0, emailed: 0 }).execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async recordReminder(roundId: number, recipientId: number, kind: ReminderKind, notified: number, emailed: number): Promise<void> {
    await this.db.updateTable('campaign_reminders').set({ notified, emailed }).where('round_id', '=', roundId).where('recipient_id', '=', recipientId).where('kind', '=', kind).execute();
  }

  /**
   * Recipients of open rounds whose deadline ends between `from` and `to` (ISO instants), who have not submitted and
   * have no reminder of `kind` yet for that round.
   */
  async dueReminders(kind: ReminderKind, from: string, to: string): Promise<{ roundId: number; recipientId: number; campaignId: number }[]> {
    const rows = await this.db
      .selectFrom('campaign_rounds as round')
      .innerJoin('campaign_recipients as r', 'r.campaign_id', 'round.campaign_id')
      .leftJoin('campaign_reports as report', (join) => join.onRef('report.round_id', '=', 'round.id').onRef('report.recipient_id', '=', 'r.id'))
      .leftJoin('campaign_reminders as sent', (join) => join.onRef('sent.round_id', '=', 'round.id').onRef('sent.recipient_id', '=', 'r.id').on('sent.kind', '=', kind))
      .select(['round.id as round_id', 'r.id as recipient_id', 'round.campaign_id'])
      .where('round.closed_at', 'is', null)
      .where('round.deadline_at', '>', from)
      .where('round.deadline_at', '<=', to)
      .where((eb) => eb.or([eb('report.status', 'is', null), eb('report.status', 'not in', ['submitted', 'accepted'])]))
      .where('sent.round_id', 'is', null)
      .orderBy('round.id')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({ roundId: Number(r.round_id), recipientId: Number(r.recipient_id), campaignId: Number(r.campaign_id) }));
  }

  private reportsQuery() {
    return this.db.selectFrom('campaign_reports').selectAll();
  }

  private async values(reportIds: readonly number[]): Promise<Map<number, StoredValue[]>> {
    const out = new Map<number, StoredValue[]>();
    for (let i = 0; i < reportIds.length; i += CHUNK) {
      const rows = await this.db.selectFrom('campaign_report_values').selectAll().where('report_id', 'in', reportIds.slice(i, i + CHUNK)).execute();
      for (const v of rows) pushValue(out, v);
    }
    return out;
  }
}

function pushValue(into: Map<number, StoredValue[]>, v: { report_id: number; indicator: string; quantity: number; percent: number | null; note: string | null }): void {
  const id = Number(v.report_id);
  const list = into.get(id) ?? [];
  list.push({ indicator: v.indicator as IndicatorKey, quantity: Number(v.quantity), percent: v.percent === null ? null : Number(v.percent), note: v.note });
  into.set(id, list);
}

interface ReportRow {
  id: number;
  round_id: number;
  recipient_id: number;
  status: string;
  staff_total: number | null;
  staff_installed: number | null;
  proposals: string | null;
  submitted_at: string | null;
  late: number;
  review_comment: string | null;
  reviewed_at: string | null;
  updated_at: string;
}

function toReport(r: ReportRow, values: StoredValue[]): ReportRecord {
  return {
    id: Number(r.id),
    roundId: Number(r.round_id),
    recipientId: Number(r.recipient_id),
    status: r.status as ReportStatus,
    staffTotal: r.staff_total === null ? null : Number(r.staff_total),
    staffInstalled: r.staff_installed === null ? null : Number(r.staff_installed),
    proposals: r.proposals,
    submittedAt: r.submitted_at,
    late: Number(r.late) === 1,
    reviewComment: r.review_comment,
    reviewedAt: r.reviewed_at,
    updatedAt: r.updated_at,
    values,
  };
}
