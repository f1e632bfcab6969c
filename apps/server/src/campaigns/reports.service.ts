import type { Report, SaveReportRequest, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Notifier } from '../platform/notifier.js';
import type { Clock } from '../platform/platform.js';
import { applies, checkReport, normaliseInput, percentOf, publicValues, requireComplete } from './campaigns.model.js';
import type { CampaignRecord, RecipientRecord, ReportRecord, RoundRecord } from './campaigns.records.js';
import type { CampaignsService } from './campaigns.service.js';
import type { CampaignsStore } from './campaigns.store.js';
import type { ReportsStore } from './reports.store.js';

export function publicReport(campaign: CampaignRecord, round: RoundRecord, recipient: RecipientRecord, report: ReportRecord | undefined, now: Date): Report {
  const { level: _level, ...publicRecipient } = recipient;
  return {
    campaignId: campaign.id,
    roundNo: round.roundNo,
    recipient: publicRecipient,
    status: report?.status ?? 'not_started',
    staffTotal: report?.staffTotal ?? null,
    staffInstalled: report?.staffInstalled ?? null,
    installedPercent: report?.staffTotal != null && report.staffInstalled !== null ? percentOf(report.staffInstalled, report.staffTotal) : null,
    indicators: publicValues(campaign.indicators, report),
    proposals: report?.proposals ?? null,
    submittedAt: report?.submittedAt ?? null,
    late: report?.late ?? false,
    reviewComment: report?.reviewComment ?? null,
    reviewedAt: report?.reviewedAt ?? null,
    updatedAt: report?.updatedAt ?? null,
    form: campaign.indicators.filter((indicator) => applies(indicator, recipient)),
    roundClosed: round.closedAt !== null,
    pastDeadline: now.toISOString() > round.deadlineAt,
  };
}

/**
 * One recipient's report in one round: saved as a draft (from a phone, as often as needed), submitted, then returned
 * with a comment or accepted by the issuer. A report after the deadline is accepted and marked late; a closed round
 * takes nothing more. Every step is audited in the same transaction as the change.
 */
export class ReportsService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly campaignsStore: CampaignsStore,
    private readonly store: ReportsStore,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** The viewer's own report (their unit's or agency's); a blank one before the first save. */
  async own(viewer: User, campaignId: number, roundNo: number): Promise<Report> {
    const { campaign, round, recipient } = await this.ownContext(viewer, campaignId, roundNo);
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  async save(viewer: User, campaignId: number, roundNo: number, request: SaveReportRequest): Promise<Report> {
    const { campaign, round, recipient } = await this.ownContext(viewer, campaignId, roundNo);
    requireOpen(round);
    const existing = await this.store.report(round.id, recipient.id);
    if (existing && (existing.status === 'submitted' || existing.status === 'accepted')) {
      throw new AppError('report_state', `the report is ${existing.status}; it can be changed only once the issuer returns it`);
    }
    const checked = checkReport(campaign.indicators, recipient, normaliseInput(request));
    await this.transactions.run(async () => {
      await this.store.save(round.id, recipient.id, checked, viewer.id, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.report_save', targetType: 'campaign', targetId: campaignId, detail: { roundNo, recipientId: recipient.id } });
    });
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  /**
   * Sends the saved report. Late when sent after the deadline (the end of its day in Vietnam); a report returned and
   * sent again keeps the timeliness of its first sending, so a correction the issuer asked for is not counted late.
   */
  async submit(viewer: User, campaignId: number, roundNo: number): Promise<Report> {
    const { campaign, round, recipient } = await this.ownContext(viewer, campaignId, roundNo);
    requireOpen(round);
    const report = await this.store.report(round.id, recipient.id);
    if (!report) throw new AppError('report_state', 'save the report before submitting it');
    if (report.status !== 'draft' && report.status !== 'returned') throw new AppError('report_state', `the report is already ${report.status}`);
    requireComplete(report);
    const now = this.clock.now();
    const late = report.status === 'returned' ? report.late : now.toISOString() > round.deadlineAt;
    await this.transactions.run(async () => {
      await this.store.update(report.id, { status: 'submitted', submittedAt: now.toISOString(), late });
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.report_submit', targetType: 'campaign', targetId: campaignId, detail: { roundNo, recipientId: recipient.id, late } });
    });
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  /** A recipient's report as its issuer reads it. */
  async ofRecipient(viewer: User, campaignId: number, roundNo: number, recipientId: number): Promise<Report> {
    const { campaign, round, recipient } = await this.issuerContext(viewer, campaignId, roundNo, recipientId);
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  /** Sends a submitted report back to its reporter with a comment; they fix it and submit again. */
  async returnReport(viewer: User, campaignId: number, roundNo: number, recipientId: number, comment: string): Promise<Report> {
    const { campaign, round, recipient } = await this.issuerContext(viewer, campaignId, roundNo, recipientId);
    requireOpen(round);
    const report = await this.requireSubmitted(round, recipient);
    const now = this.clock.now();
    await this.transactions.run(async () => {
      await this.store.update(report.id, { status: 'returned', reviewComment: comment, reviewedAt: now.toISOString(), reviewedBy: viewer.id });
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.report_return', targetType: 'campaign', targetId: campaignId, detail: { roundNo, recipientId, comment } });
      const contacts = (await this.store.contacts(campaignId)).filter((c) => c.recipientId === recipientId);
      await this.notifier.notify(
        contacts.map((c) => c.userId),
        {
          kind: 'campaign.report_returned',
          params: { campaignId, roundNo, documentNumber: campaign.documentNumber, roundName: round.name, comment },
          link: `/campaigns/${campaignId}/rounds/${roundNo}/report`,
        },
      );
    });
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  /** Accepts a submitted report; allowed after the round is closed too, so review can finish. */
  async accept(viewer: User, campaignId: number, roundNo: number, recipientId: number): Promise<Report> {
    const { campaign, round, recipient } = await this.issuerContext(viewer, campaignId, roundNo, recipientId);
    const report = await this.requireSubmitted(round, recipient);
    await this.transactions.run(async () => {
      await this.store.update(report.id, { status: 'accepted', reviewedAt: this.clock.now().toISOString(), reviewedBy: viewer.id });
      await this.audit.record({ actor: actorOf(viewer), action: 'campaign.report_accept', targetType: 'campaign', targetId: campaignId, detail: { roundNo, recipientId } });
    });
    return publicReport(campaign, round, recipient, await this.store.report(round.id, recipient.id), this.clock.now());
  }

  private async requireSubmitted(round: RoundRecord, recipient: RecipientRecord): Promise<ReportRecord> {
    const report = await this.store.report(round.id, recipient.id);
    if (report?.status !== 'submitted') throw new AppError('report_state', `the report is ${report?.status ?? 'not started'}, not submitted`);
    return report;
  }

  private async ownContext(viewer: User, campaignId: number, roundNo: number) {
    const campaign = await this.campaigns.require(campaignId);
    const recipient = await this.campaigns.recipientFor(viewer, campaignId);
    if (!recipient) throw new AppError('forbidden', 'this campaign is not addressed to your unit or agency');
    const round = await this.campaigns.requireRound(campaignId, roundNo);
    return { campaign, round, recipient };
  }

  private async issuerContext(viewer: User, campaignId: number, roundNo: number, recipientId: number) {
    const campaign = await this.campaigns.require(campaignId);
    const relation = await this.campaigns.relation(viewer, campaign);
    if (relation.as !== 'issuer') throw new AppError('forbidden', 'only the issuer reviews reports');
    const round = await this.campaigns.requireRound(campaignId, roundNo);
    const recipient = await this.campaignsStore.recipient(campaignId, { id: recipientId });
    if (!recipient) throw new AppError('not_found', `campaign ${campaignId} has no recipient ${recipientId}`);
    return { campaign, round, recipient };
  }
}

function requireOpen(round: RoundRecord): void {
  if (round.closedAt !== null) throw new AppError('round_closed', `round ${round.roundNo} was closed at ${round.closedAt}`);
}
