import {
  vnDayEnd,
  type Attachment,
  type Campaign,
  type CampaignListItem,
  type CreateCampaign,
  type FieldError,
  type InboxResponse,
  type NewRound,
  type PageQuery,
  type RecipientPicks,
  type Round,
  type User,
} from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Notifier } from '../platform/notifier.js';
import type { Clock } from '../platform/platform.js';
import type { UnitDirectory, UnitScope } from '../platform/unit-directory.js';
import { cleanFileName, sniffAttachment, type AttachmentFiles } from './attachments.js';
import { defaultIssuingBody, resolveIndicators } from './campaigns.model.js';
import type { AttachmentRecord, CampaignRecord, NewRecipient, RecipientRecord, RoundRecord } from './campaigns.records.js';
import type { CampaignsStore } from './campaigns.store.js';
import type { ReportsStore } from './reports.store.js';

/** How a viewer stands to a campaign: its issuer (their unit's subtree holds it), or one of its recipients. */
export type Relation = { as: 'issuer' } | { as: 'recipient'; recipient: RecipientRecord };

const publicRound = (r: RoundRecord): Round => ({
  roundNo: r.roundNo,
  name: r.name,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  deadline: r.deadline,
  deadlineAt: r.deadlineAt,
  closedAt: r.closedAt,
});

const publicAttachment = (a: AttachmentRecord): Attachment => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, bytes: a.bytes, createdAt: a.createdAt });

/** Campaigns as issuers create and follow them, and as recipients find them in their inbox. */
export class CampaignsService {
  constructor(
    private readonly store: CampaignsStore,
    private readonly reports: ReportsStore,
    private readonly units: UnitDirectory & UnitScope,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
    private readonly files: AttachmentFiles,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  // ---- Access ----

  /** The issuing unit of a campaign, for the access rule of issuers' routes; undefined when there is none. */
  async unitOf(campaignId: number): Promise<string | undefined> {
    return (await this.store.campaign(campaignId))?.unitCode;
  }

  /** The units a request's picks name (agencies by their unit), for the access rule; unknown ones are left out. */
  async unitsOfPicks(picks: RecipientPicks): Promise<string[]> {
    const agencies = await this.store.agencies(picks.agencyIds);
    return [...picks.unitCodes, ...picks.localUnitsUnder, ...agencies.map((a) => a.unitCode)];
  }

  /** The campaign, or `not_found`. */
  async require(campaignId: number): Promise<CampaignRecord> {
    const campaign = await this.store.campaign(campaignId);
    if (!campaign) throw new AppError('not_found', `no campaign with id ${campaignId}`);
    return campaign;
  }

  /**
   * How the viewer stands to the campaign, or `forbidden`: issuers reach the campaigns issued in their unit subtree,
   * unit officers those naming their unit, agency reporters those naming their agency.
   */
  async relation(viewer: User, campaign: CampaignRecord): Promise<Relation> {
    if (viewer.role === 'campaign_issuer' && (await this.units.isWithin(campaign.unitCode, viewer.unitCode)) === true) return { as: 'issuer' };
    const recipient = await this.recipientFor(viewer, campaign.id);
    if (recipient) return { as: 'recipient', recipient };
    throw new AppError('forbidden', 'this campaign is neither issued in your unit subtree nor addressed to you');
  }

  /** The recipient the viewer answers for in a campaign, if any. */
  async recipientFor(viewer: User, campaignId: number): Promise<RecipientRecord | undefined> {
    if (viewer.role === 'unit_officer') return this.store.recipient(campaignId, { unitCode: viewer.unitCode });
    if (viewer.role === 'agency_reporter' && viewer.agencyId !== null) return this.store.recipient(campaignId, { agencyId: viewer.agencyId });
    return undefined;
  }

  // ---- Issuing ----

  async create(viewer: User, request: CreateCampaign): Promise<Campaign> {
    const indicators = resolveIndicators(request.indicators);
    checkRounds(request.rounds, request.issuedOn, 'rounds.');
    const recipients = await this.expand(request.recipients, viewer.unitCode);
    const unit = (await this.store.units([viewer.unitCode]))[0];
    const now = this.clock.now();
    const id = await this.transactions.run(async () => {
      const id = await this.store.insertCampaign(
        {
          documentNumber: request.documentNumber,
          title: request.title,
          issuedOn: request.issuedOn,
          issuingBody: request.issuingBody ?? defaultIssuingBody(unit?.fullName ?? viewer.unitName),
          unitCode: viewer.unitCode,
          body: request.body ?? '',
          indicators,
          header: { place: unit?.name, ...request.header },
          recipientPicks: request.recipients,
          createdBy: viewer.id,
        },
        now,
      );
      for (const [i, round] of request.rounds.entries()) await this.store.insertRound(id, roundRow(i + 1, round), now);
      await this.store.insertRecipients(id, recipients);
      await this.audit.record({
        actor: actorOf(viewer),
        action: 'campaign.create',
        targetType: 'campaign',
        targetId: id,
        detail: { documentNumber: request.documentNumber, recipients: recipients.length, rounds: request.rounds.length },
      });
      // Recipients find it in their inbox; the notification only points them there.
      const contacts = await this.reports.contacts(id);
      await this.notifier.notify(
        contacts.map((c) => c.userId),
        { kind: 'campaign.received', params: { campaignId: id, documentNumber: request.documentNumber, title: request.title }, link: `/campaigns/${id}` },
      );
      return id;
    });
    return this.detail(viewer, id);
  }

  /** Turns picks into recipients: every unit and agency once, each checked to exist, in the issuer's subtree. */
  private async expand(picks: RecipientPicks, root: string): Promise<NewRecipient[]> {
    const problems: FieldError[] = [];
    const units = new Map<string, NewRecipient>();
    const known = new Set((await this.store.units([...picks.unitCodes, ...picks.localUnitsUnder])).map((u) => u.code));
    picks.unitCodes.forEach((code, i) => {
      if (!known.has(code)) problems.push({ field: `recipients.unitCodes.${i}`, problem: 'not_found' });
      else units.set(code, { unitCode: code, agencyId: null, homeUnitCode: code });
    });
    for (const [i, code] of picks.localUnitsUnder.entries()) {
      if (!known.has(code)) problems.push({ field: `recipients.localUnitsUnder.${i}`, problem: 'not_found' });
      else for (const local of await this.store.localUnitsUnder(code)) units.set(local, { unitCode: local, agencyId: null, homeUnitCode: local });
    }
    if (problems.length > 0) throw new AppError('unknown_unit', `${problems.map((p) => p.field).join(', ')}: no such unit`, problems);

    const agencies = new Map<number, NewRecipient>();
    const found = new Map((await this.store.agencies(picks.agencyIds)).map((a) => [a.id, a]));
    picks.agencyIds.forEach((agencyId, i) => {
      const agency = found.get(agencyId);
      if (!agency) problems.push({ field: `recipients.agencyIds.${i}`, problem: 'not_found' });
      else agencies.set(agencyId, { unitCode: null, agencyId, homeUnitCode: agency.unitCode });
    });
    if (problems.length > 0) throw new AppError('unknown_agency', `${problems.map((p) => p.field).join(', ')}: no such agency`, problems);
    for (const [i, group] of picks.agencyGroups.entries()) {
      const members = await this.store.agenciesOfGroup(group, root);
      if (members.length === 0) problems.push({ field: `recipients.agencyGroups.${i}`, problem: 'not_found' });
      for (const a of members) agencies.set(a.id, { unitCode: null, agencyId: a.id, homeUnitCode: a.unitCode });
    }
    if (problems.length > 0) throw new AppError('validation_failed', `${problems.map((p) => p.field).join(', ')}: no agency of this group in your unit subtree`, problems);

    const all = [...units.values(), ...agencies.values()];
    if (all.length === 0) throw new AppError('validation_failed', 'recipients: pick at least one unit or agency', [{ field: 'recipients', problem: 'required' }]);
    return all;
  }

  async addRound(viewer: User, campaignId: number, request: NewRound): Promise<Round> {
    const campaign = await this.require(campaignId);
    checkRounds([request], campaign.issuedOn, '');
    const rounds = await this.store.rounds([campaignId]);
    const roundNo = Math.max(0, ...rounds.map((r) => r.roundNo)) + 1;
    await this.transactions.run(async () => {
      await this.store.insertRound(campaignId, roundRow(roundNo, request), this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.round_add', targetType: 'campaign', targetId: campaignId, detail: { roundNo, ...request } });
    });
    return publicRound((await this.store.round(campaignId, roundNo))!);
  }

  async closeRound(viewer: User, campaignId: number, roundNo: number): Promise<Round> {
    await this.require(campaignId);
    const round = await this.requireRound(campaignId, roundNo);
    if (round.closedAt !== null) throw new AppError('round_closed', `round ${roundNo} is already closed`);
    await this.transactions.run(async () => {
      await this.store.closeRound(round.id, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.round_close', targetType: 'campaign', targetId: campaignId, detail: { roundNo } });
    });
    return publicRound((await this.store.round(campaignId, roundNo))!);
  }

  async requireRound(campaignId: number, roundNo: number): Promise<RoundRecord> {
    const round = await this.store.round(campaignId, roundNo);
    if (!round) throw new AppError('not_found', `campaign ${campaignId} has no round ${roundNo}`);
    return round;
  }

  // ---- Reading ----

  async detail(viewer: User, campaignId: number): Promise<Campaign> {
    const campaign = await this.require(campaignId);
    await this.relation(viewer, campaign);
    const [rounds, attachments, counts] = await Promise.all([this.store.rounds([campaignId]), this.store.attachments(campaignId), this.store.recipientCounts([campaignId])]);
    const { recipientPicks: _picks, ...rest } = campaign;
    return { ...rest, rounds: rounds.map(publicRound), attachments: attachments.map(publicAttachment), recipientCount: counts.get(campaignId) ?? 0 };
  }

  /** The campaigns issued in the viewer's unit subtree, newest first. */
  async listIssued(viewer: User, query: PageQuery): Promise<{ campaigns: CampaignListItem[]; nextCursor: string | null }> {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['number'] as const)[0];
    const page = pageOf(await this.store.listIssued(viewer.unitCode, query.limit + 1, before), query.limit, (c) => [c.id]);
    return { campaigns: await this.listItems(page.items), nextCursor: page.nextCursor };
  }

  /** The campaigns addressed to the viewer's unit (unit officers) or agency (agency reporters), with their reports' states. */
  async inbox(viewer: User, query: PageQuery): Promise<InboxResponse> {
    const to = viewer.role === 'unit_officer' ? { unitCode: viewer.unitCode } : viewer.agencyId !== null ? { agencyId: viewer.agencyId } : undefined;
    if (!to) return { items: [], nextCursor: null };
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['number'] as const)[0];
    const page = pageOf(await this.store.listAddressed(to, query.limit + 1, before), query.limit, (c) => [c.campaign.id]);
    const items = await this.listItems(page.items.map((i) => i.campaign));
    const statuses = await this.reports.statusesOf(page.items.map((i) => i.recipientId));
    const out = [];
    for (const [i, { campaign, recipientId }] of page.items.entries()) {
      const recipient = (await this.store.recipient(campaign.id, { id: recipientId }))!;
      const { level: _level, ...publicRecipient } = recipient;
      const rounds = await this.store.rounds([campaign.id]);
      out.push({
        campaign: items[i]!,
        recipient: publicRecipient,
        reports: rounds.map((round) => {
          const report = statuses.find((s) => s.recipientId === recipientId && s.roundId === round.id);
          return { roundNo: round.roundNo, status: report?.status ?? ('not_started' as const), late: report?.late ?? false };
        }),
      });
    }
    return { items: out, nextCursor: page.nextCursor };
  }

  private async listItems(campaigns: CampaignRecord[]): Promise<CampaignListItem[]> {
    const ids = campaigns.map((c) => c.id);
    const [rounds, counts] = await Promise.all([this.store.rounds(ids), this.store.recipientCounts(ids)]);
    return campaigns.map((c) => ({
      id: c.id,
      documentNumber: c.documentNumber,
      title: c.title,
      issuedOn: c.issuedOn,
      issuingBody: c.issuingBody,
      unitCode: c.unitCode,
      recipientCount: counts.get(c.id) ?? 0,
      rounds: rounds.filter((r) => r.campaignId === c.id).map(publicRound),
    }));
  }

  /** A recipient acknowledges the campaign (đã nhận): once, audited. */
  async markReceived(viewer: User, campaignId: number): Promise<Campaign> {
    const campaign = await this.require(campaignId);
    const relation = await this.relation(viewer, campaign);
    if (relation.as !== 'recipient') throw new AppError('forbidden', 'only a recipient acknowledges a campaign');
    if (relation.recipient.receivedAt === null) {
      await this.transactions.run(async () => {
        await this.store.markReceived(relation.recipient.id, this.clock.now());
        await this.audit.record({ actor: actorOf(viewer), action: 'campaign.receive', targetType: 'campaign', targetId: campaignId, detail: { recipientId: relation.recipient.id } });
      });
    }
    return this.detail(viewer, campaignId);
  }

  // ---- Attachments ----

  async attach(viewer: User, campaignId: number, fileName: string, contentType: string, body: Buffer): Promise<Attachment> {
    await this.require(campaignId);
    const type = sniffAttachment(contentType, body);
    const name = cleanFileName(fileName, type);
    const stored = await this.files.write(campaignId, type, body);
    const id = await this.transactions.run(async () => {
      const id = await this.store.insertAttachment({ campaignId, fileName: name, contentType: type, bytes: body.length, ...stored }, viewer.id, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.attach', targetType: 'campaign', targetId: campaignId, detail: { fileName: name, bytes: body.length, sha256: stored.sha256 } });
      return id;
    });
    return publicAttachment((await this.store.attachments(campaignId)).find((a) => a.id === id)!);
  }

  async attachment(viewer: User, campaignId: number, attachmentId: number): Promise<{ attachment: AttachmentRecord; body: Buffer }> {
    await this.relation(viewer, await this.require(campaignId));
    const attachment = (await this.store.attachments(campaignId)).find((a) => a.id === attachmentId);
    if (!attachment) throw new AppError('not_found', `campaign ${campaignId} has no attachment ${attachmentId}`);
    return { attachment, body: await this.files.read(attachment.storageName) };
  }
}

function roundRow(roundNo: number, round: NewRound) {
  return {
    roundNo,
    name: round.name,
    periodStart: round.periodStart ?? null,
    periodEnd: round.periodEnd,
    deadline: round.deadline,
    // "Đến hết ngày 10/8/2020": the whole day counts, in Vietnam's time.
    deadlineAt: vnDayEnd(round.deadline).toISOString(),
  };
}

/** A round's period runs forwards, and its deadline is not before the directive was issued. */
function checkRounds(rounds: readonly NewRound[], issuedOn: string, prefix: string): void {
  const problems: FieldError[] = [];
  rounds.forEach((round, i) => {
    const at = prefix === '' ? '' : `${prefix}${i}.`;
    if (round.periodStart !== undefined && round.periodStart > round.periodEnd) problems.push({ field: `${at}periodStart`, problem: 'too_big' });
    if (round.deadline < issuedOn) problems.push({ field: `${at}deadline`, problem: 'too_small' });
  });
  if (problems.length > 0) throw new AppError('validation_failed', `${problems.map((p) => p.field).join(', ')}: a period ends after it starts, and a deadline is not before the directive`, problems);
}
