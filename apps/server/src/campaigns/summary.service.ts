import { vnDay, type SummaryResponse, type TrendResponse, type User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/platform.js';
import { AppError } from '../errors.js';
import type { CampaignRecord, RoundRecord } from './campaigns.records.js';
import type { CampaignsService } from './campaigns.service.js';
import type { CampaignsStore } from './campaigns.store.js';
import { officialReportOf } from './official-report.text.js';
import { reportWorkbook } from './report-workbook.js';
import type { ReportsStore } from './reports.store.js';
import { summarise, totalsOf } from './summary.model.js';

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

/** The issuer's dashboard of a round, the trend across rounds, and the combined report as .docx and .xlsx. */
export class SummaryService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly campaignsStore: CampaignsStore,
    private readonly reports: ReportsStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async summary(viewer: User, campaignId: number, roundNo: number): Promise<SummaryResponse> {
    const { campaign, round } = await this.issuerContext(viewer, campaignId, roundNo);
    return this.summaryOf(campaign, round!);
  }

  async trend(viewer: User, campaignId: number): Promise<TrendResponse> {
    const { campaign } = await this.issuerContext(viewer, campaignId);
    const recipients = await this.campaignsStore.recipients(campaignId);
    const out: TrendResponse['rounds'] = [];
    for (const round of await this.campaignsStore.rounds([campaignId])) {
      const reports = await this.reports.roundReports(round.id);
      const totals = totalsOf(campaign, recipients, reports);
      let submitted = 0;
      let late = 0;
      let returned = 0;
      for (const r of reports.values()) {
        if (r.status === 'submitted' || r.status === 'accepted') {
          submitted++;
          if (r.late) late++;
        } else if (r.status === 'returned') returned++;
      }
      const { id: _id, campaignId: _c, ...publicRound } = round;
      out.push({ round: publicRound, expected: recipients.length, submitted, onTime: submitted - late, late, returned, missingCount: recipients.length - submitted - returned, totals });
    }
    return { rounds: out };
  }

  /** One round, or every round when `roundNo` is undefined, as the official letter. */
  async exportDocx(viewer: User, campaignId: number, roundNo: number | undefined): Promise<ExportFile> {
    const { report, name } = await this.reportOf(viewer, campaignId, roundNo, 'docx');
    // docx is loaded at the first report asked for as a document, not by every process at start.
    const { officialReportDocx } = await import('./official-report.docx.js');
    return { fileName: `${name}.docx`, body: await officialReportDocx(report) };
  }

  async exportXlsx(viewer: User, campaignId: number, roundNo: number | undefined): Promise<ExportFile> {
    const { campaign, report, name } = await this.reportOf(viewer, campaignId, roundNo, 'xlsx');
    return { fileName: `${name}.xlsx`, body: await reportWorkbook(campaign, report) };
  }

  private async reportOf(viewer: User, campaignId: number, roundNo: number | undefined, format: 'docx' | 'xlsx') {
    const { campaign, round } = await this.issuerContext(viewer, campaignId, roundNo);
    const rounds = round ? [round] : await this.campaignsStore.rounds([campaignId]);
    const summaries = [];
    for (const r of rounds) summaries.push(await this.summaryOf(campaign, r));
    const report = officialReportOf(campaign, summaries, vnDay(this.clock.now()), round ? 'round' : 'campaign');
    await this.audit.record({ actor: actorOf(viewer), action: 'campaign.export', targetType: 'campaign', targetId: campaignId, detail: { roundNo: roundNo ?? null, format } });
    // "Báo cáo 1405-STTTT-TTBCXB đợt 1": the document number without its slash, which no file name may hold.
    const name = `Báo cáo ${campaign.documentNumber.replace(/[/\\]/g, '-')}${round ? ` đợt ${round.roundNo}` : ''}`;
    return { campaign, report, name };
  }

  private async summaryOf(campaign: CampaignRecord, round: RoundRecord): Promise<SummaryResponse> {
    const [recipients, reports, contacts, lineage] = await Promise.all([
      this.campaignsStore.recipients(campaign.id),
      this.reports.roundReports(round.id),
      this.reports.contacts(campaign.id),
      this.reports.lineage(campaign.id),
    ]);
    const units = await this.campaignsStore.units([...new Set(lineage.map((l) => l.code))]);
    return summarise({ campaign, round, recipients, reports, contacts, lineage, units });
  }

  private async issuerContext(viewer: User, campaignId: number, roundNo?: number) {
    const campaign = await this.campaigns.require(campaignId);
    const relation = await this.campaigns.relation(viewer, campaign);
    if (relation.as !== 'issuer') throw new AppError('forbidden', 'only the issuer follows the reports of a campaign');
    const round = roundNo === undefined ? undefined : await this.campaigns.requireRound(campaignId, roundNo);
    return { campaign, round };
  }
}
