import type { Indicator, RecipientPicks, ReportHeader } from '@bluezone/contract';
import { LOCAL_UNIT_LEVELS } from '@bluezone/contract';
import type { Selectable } from 'kysely';
import type { CampaignRoundTable, CampaignTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import { subtreeCodes, unitWithin } from '../db/unit-tree.js';
import type { AttachmentRecord, CampaignRecord, NewCampaign, NewRecipient, RecipientRecord, RoundRecord, UnitInfo } from './campaigns.records.js';

// Rows per insert: far below SQLite's and PostgreSQL's bound-parameter limits, whatever the row's width.
const CHUNK = 500;

const toCampaign = (r: Selectable<CampaignTable>): CampaignRecord => ({
  id: Number(r.id),
  documentNumber: r.document_number,
  title: r.title,
  issuedOn: r.issued_on,
  issuingBody: r.issuing_body,
  unitCode: r.unit_code,
  body: r.body,
  indicators: JSON.parse(r.indicators) as Indicator[],
  header: JSON.parse(r.header) as ReportHeader,
  recipientPicks: JSON.parse(r.recipient_picks) as RecipientPicks,
  createdAt: r.created_at,
});

export const toRound = (r: Selectable<CampaignRoundTable>): RoundRecord => ({
  id: Number(r.id),
  campaignId: Number(r.campaign_id),
  roundNo: Number(r.round_no),
  name: r.name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  deadline: r.deadline,
  deadlineAt: r.deadline_at,
  closedAt: r.closed_at,
});

/** Campaigns, their rounds, recipients and attachments; and the look-ups that turn recipient picks into recipients. */
export class CampaignsStore extends Store {
  async insertCampaign(campaign: NewCampaign, at: Date): Promise<number> {
    const row = await this.db
      .insertInto('campaigns')
      .values({
        document_number: campaign.documentNumber,
        title: campaign.title,
        issued_on: campaign.issuedOn,
        issuing_body: campaign.issuingBody,
        unit_code: campaign.unitCode,
        body: campaign.body,
        indicators: JSON.stringify(campaign.indicators),
        header: JSON.stringify(campaign.header),
        recipient_picks: JSON.stringify(campaign.recipientPicks),
        created_by: campaign.createdBy,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async insertRound(campaignId: number, round: Omit<RoundRecord, 'id' | 'campaignId' | 'closedAt'>, at: Date): Promise<void> {
    await this.db
      .insertInto('campaign_rounds')
      .values({
        campaign_id: campaignId,
        round_no: round.roundNo,
        name: round.name,
        period_start: round.periodStart,
        period_end: round.periodEnd,
        deadline: round.deadline,
        deadline_at: round.deadlineAt,
        closed_at: null,
        created_at: at.toISOString(),
      })
      .execute();
  }

  async insertRecipients(campaignId: number, recipients: readonly NewRecipient[]): Promise<void> {
    for (let i = 0; i < recipients.length; i += CHUNK) {
      await this.db
        .insertInto('campaign_recipients')
        .values(recipients.slice(i, i + CHUNK).map((r) => ({ campaign_id: campaignId, unit_code: r.unitCode, agency_id: r.agencyId, home_unit_code: r.homeUnitCode, received_at: null })))
        .execute();
    }
  }

  async campaign(id: number): Promise<CampaignRecord | undefined> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCampaign(row);
  }

  /** Campaigns issued in the subtree of `root`, newest first, `limit` of them with an id below `beforeId`. */
  async listIssued(root: string, limit: number, beforeId?: number): Promise<CampaignRecord[]> {
    let query = this.db.selectFrom('campaigns').selectAll().where(unitWithin(this.db, 'campaigns.unit_code', root)).orderBy('id', 'desc').limit(limit);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    return (await query.execute()).map(toCampaign);
  }

  /** Campaigns that name the unit or the agency as a recipient, newest first, with that recipient's id. */
  async listAddressed(to: { unitCode: string } | { agencyId: number }, limit: number, beforeId?: number): Promise<{ campaign: CampaignRecord; recipientId: number }[]> {
    let query = this.db
      .selectFrom('campaigns')
      .innerJoin('campaign_recipients as r', 'r.campaign_id', 'campaigns.id')
      .selectAll('campaigns')
      .select('r.id as recipient_id')
      .orderBy('campaigns.id', 'desc')
      .limit(limit);
    query = 'unitCode' in to ? query.where('r.unit_code', '=', to.unitCode) : query.where('r.agency_id', '=', to.agencyId);
    if (beforeId !== undefined) query = query.where('campaigns.id', '<', beforeId);
    return (await query.execute()).map((row) => ({ campaign: toCampaign(row), recipientId: Number(row.recipient_id) }));
  }

  async rounds(campaignIds: readonly number[]): Promise<RoundRecord[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.db.selectFrom('campaign_rounds').selectAll().where('campaign_id', 'in', [...campaignIds]).orderBy('campaign_id').orderBy('round_no').execute();
    return rows.map(toRound);
  }

  async round(campaignId: number, roundNo: number): Promise<RoundRecord | undefined> {
    const row = await this.db.selectFrom('campaign_rounds').selectAll().where('campaign_id', '=', campaignId).where('round_no', '=', roundNo).executeTakeFirst();
    return row && toRound(row);
  }

  async closeRound(roundId: number, at: Date): Promise<void> {
    await this.db.updateTable('campaign_rounds').set({ closed_at: at.toISOString() }).where('id', '=', roundId).where('closed_at', 'is', null).execute();
  }

  async recipientCounts(campaignIds: readonly number[]): Promise<Map<number, number>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('campaign_recipients')
      .select(['campaign_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('campaign_id', 'in', [...campaignIds])
      .groupBy('campaign_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.campaign_id), Number(r.n)]));
  }

  private recipientsQuery() {
    return this.db
      .selectFrom('campaign_recipients as r')
      .leftJoin('agencies as a', 'a.id', 'r.agency_id')
      .innerJoin('units as u', 'u.code', 'r.home_unit_code')
      .select([
        'r.id',
        'r.unit_code',
        'r.agency_id',
        'r.home_unit_code',
        'r.received_at',
        'a.name as agency_name',
        'a.group_name',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
        'u.full_name as unit_full_name',
        'u.full_name_en as unit_full_name_en',
        'u.level',
      ]);
  }

  /** Every recipient of a campaign, units first by code, then agencies by name. */
  async recipients(campaignId: number): Promise<RecipientRecord[]> {
    const rows = await this.recipientsQuery().where('r.campaign_id', '=', campaignId).orderBy('r.id').execute();
    return rows.map(toRecipient).sort(byKindAndName);
  }

  async recipient(campaignId: number, who: { unitCode: string } | { agencyId: number } | { id: number }): Promise<RecipientRecord | undefined> {
    let query = this.recipientsQuery().where('r.campaign_id', '=', campaignId);
    if ('unitCode' in who) query = query.where('r.unit_code', '=', who.unitCode);
    else if ('agencyId' in who) query = query.where('r.agency_id', '=', who.agencyId);
    else query = query.where('r.id', '=', who.id);
    const row = await query.executeTakeFirst();
    return row && toRecipient(row);
  }

  async markReceived(recipientId: number, at: Date): Promise<void> {
    await this.db.updateTable('campaign_recipients').set({ received_at: at.toISOString() }).where('id', '=', recipientId).where('received_at', 'is', null).execute();
  }

  // ---- Turning picks into recipients ----

  async units(codes: readonly string[]): Promise<UnitInfo[]> {
    const out: UnitInfo[] = [];
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('units')
        .select(['code', 'name', 'name_en', 'full_name', 'level', 'parent_code'])
        .where('code', 'in', codes.slice(i, i + CHUNK))
        .execute();
      out.push(...rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, fullName: r.full_name, level: r.level, parentCode: r.parent_code })));
    }
    return out;
  }

  /** The wards, communes and special zones in the subtree of `root` (the local tier, at any depth). */
  async localUnitsUnder(root: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('units')
      .select('code')
      .where('code', 'in', subtreeCodes(this.db, root))
      .where('level', 'in', [...LOCAL_UNIT_LEVELS])
      .orderBy('code')
      .execute();
    return rows.map((r) => r.code);
  }

  async agencies(ids: readonly number[]): Promise<{ id: number; unitCode: string }[]> {
    const out: { id: number; unitCode: string }[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.selectFrom('agencies').select(['id', 'unit_code']).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      out.push(...rows.map((r) => ({ id: Number(r.id), unitCode: r.unit_code })));
    }
    return out;
  }

  /** Agencies of a group filed in the subtree of `root`. */
  async agenciesOfGroup(group: string, root: string): Promise<{ id: number; unitCode: string }[]> {
    const rows = await this.db
      .selectFrom('agencies')
      .select(['id', 'unit_code'])
      .where('group_name', '=', group)
      .where(unitWithin(this.db, 'agencies.unit_code', root))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: Number(r.id), unitCode: r.unit_code }));
  }

  // ---- Attachments ----

  async insertAttachment(a: Omit<AttachmentRecord, 'id' | 'createdAt'>, createdBy: number | null, at: Date): Promise<number> {
    const row = await this.db
      .insertInto('campaign_attachments')
      .values({
        campaign_id: a.campaignId,
        file_name: a.fileName,
        content_type: a.contentType,
        bytes: a.bytes,
        sha256: a.sha256,
        storage_name: a.storageName,
        created_by: createdBy,
        created_at: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async attachments(campaignId: number): Promise<AttachmentRecord[]> {
    const rows = await this.db.selectFrom('campaign_attachments').selectAll().where('campaign_id', '=', campaignId).orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      campaignId: Number(r.campaign_id),
      fileName: r.file_name,
      contentType: r.content_type,
      bytes: Number(r.bytes),
      sha256: r.sha256,
      storageName: r.storage_name,
      createdAt: r.created_at,
    }));
  }
}

interface RecipientRow {
  id: number;
  unit_code: string | null;
  agency_id: number | null;
  home_unit_code: string;
  received_at: string | null;
  agency_name: string | null;
  group_name: string | null;
  unit_name: string;
  unit_name_en: string;
  unit_full_name: string;
  unit_full_name_en: string;
  level: string;
}

function toRecipient(r: RecipientRow): RecipientRecord {
  const isUnit = r.unit_code !== null;
  return {
    id: Number(r.id),
    kind: isUnit ? 'unit' : 'agency',
    unitCode: r.unit_code,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    // Agencies have one name; units have their official Vietnamese and English names.
    name: isUnit ? r.unit_full_name : (r.agency_name ?? ''),
    nameEn: isUnit ? r.unit_full_name_en : (r.agency_name ?? ''),
    homeUnitCode: r.home_unit_code,
    group: isUnit ? null : r.group_name,
    receivedAt: r.received_at,
    level: isUnit ? r.level : null,
  };
}

function byKindAndName(a: RecipientRecord, b: RecipientRecord): number {
  if (a.kind !== b.kind) return a.kind === 'unit' ? -1 : 1;
  return a.kind === 'unit' ? (a.unitCode ?? '').localeCompare(b.unitCode ?? '') : a.name.localeCompare(b.name, 'vi') || a.id - b.id;
}
