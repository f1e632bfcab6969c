import { addDays, vnDay, vnDayEnd, type Locale } from '@bluezone/contract';
import type { Notifier } from '../platform/notifier.js';
import type { Clock } from '../platform/platform.js';
import type { CampaignsConfig } from './campaigns.config.js';
import type { CampaignRecord, ContactRecord, RecipientRecord, RoundRecord } from './campaigns.records.js';
import type { CampaignsStore } from './campaigns.store.js';
import { formatDay } from './official-report.text.js';
import type { ReminderKind, ReportsStore } from './reports.store.js';

interface ReminderContext {
  campaign: CampaignRecord;
  round: RoundRecord;
  recipient: RecipientRecord;
  link: string | undefined;
}

/** The reminder e-mail in the reader's language: what is due, by when, and where to do it. */
export function reminderEmail(kind: ReminderKind, context: ReminderContext, locale: Locale): { subject: string; text: string } {
  const { campaign, round, recipient, link } = context;
  const deadline = formatDay(round.deadline);
  if (locale === 'en') {
    const due = kind === 'before' ? `is due by the end of ${deadline} (Vietnam time)` : `was due by the end of ${deadline} and is now overdue`;
    return {
      subject: `${kind === 'before' ? 'Reminder' : 'Overdue'}: ${round.name} report for ${campaign.documentNumber}`,
      text: [
        `Dear ${recipient.nameEn},`,
        '',
        `The ${round.name} report requested by letter ${campaign.documentNumber} (${campaign.title}) ${due}. We have not received yours yet.`,
        `Please sign in to Bluezone to finish and submit it${link ? `: ${link}` : '.'}`,
        '',
        'This message was sent automatically by Bluezone; please do not reply.',
      ].join('\n'),
    };
  }
  const due = kind === 'before' ? `hạn gửi là hết ngày ${deadline}` : `đã quá hạn (hạn gửi là hết ngày ${deadline})`;
  return {
    subject: `${kind === 'before' ? 'Nhắc gửi báo cáo' : 'Quá hạn báo cáo'}: ${round.name}, Công văn số ${campaign.documentNumber}`,
    text: [
      `Kính gửi ${recipient.name},`,
      '',
      `Báo cáo ${round.name} theo Công văn số ${campaign.documentNumber} (${campaign.title}) ${due}. Hệ thống chưa nhận được báo cáo của ${recipient.name}.`,
      `Đề nghị đăng nhập Bluezone để hoàn thành và gửi báo cáo${link ? `: ${link}` : '.'}`,
      '',
      'Thư này được gửi tự động từ Bluezone, xin vui lòng không trả lời.',
    ].join('\n'),
  };
}

/**
 * Reminds the recipients who have not submitted: `before` once a deadline is within the configured days, `after`
 * once it has passed (until the round is closed). Each (round, recipient, kind) is claimed in the database before
 * anything is sent, so a reminder never goes twice, even with two processes or a run that overlaps a restart.
 */
export class CampaignReminders {
  constructor(
    private readonly campaigns: CampaignsStore,
    private readonly reports: ReportsStore,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly config: CampaignsConfig,
  ) {}

  async run(): Promise<Record<string, number> | void> {
    const now = this.clock.now();
    const counts = { reminded: 0, notified: 0, emailed: 0, emailFailures: 0 };
    const windows: [ReminderKind, string, string][] = [['after', '', now.toISOString()]];
    // "Two days before" counts Vietnamese calendar days: from 00:00 on 23/11 in Hà Nội for a deadline ending with 25/11.
    if (this.config.reminderDaysBefore > 0) windows.unshift(['before', now.toISOString(), vnDayEnd(addDays(vnDay(now), this.config.reminderDaysBefore)).toISOString()]);
    const campaigns = new Map<number, { campaign: CampaignRecord; rounds: RoundRecord[]; contacts: ContactRecord[] }>();
    for (const [kind, from, to] of windows) {
      for (const due of await this.reports.dueReminders(kind, from, to)) {
        if (!(await this.reports.claimReminder(due.roundId, due.recipientId, kind, now))) continue;
        let known = campaigns.get(due.campaignId);
        if (!known) {
          const campaign = (await this.campaigns.campaign(due.campaignId))!;
          known = { campaign, rounds: await this.campaigns.rounds([campaign.id]), contacts: await this.reports.contacts(campaign.id) };
          campaigns.set(due.campaignId, known);
        }
        const round = known.rounds.find((r) => r.id === due.roundId)!;
        const recipient = (await this.campaigns.recipient(due.campaignId, { id: due.recipientId }))!;
        const link = `/campaigns/${due.campaignId}/rounds/${round.roundNo}/report`;
        const context = { campaign: known.campaign, round, recipient, link: this.config.publicUrl && `${this.config.publicUrl}${link}` };
        const result = await this.notifier.notify(
          known.contacts.filter((c) => c.recipientId === due.recipientId).map((c) => c.userId),
          {
            kind: kind === 'before' ? 'campaign.deadline_near' : 'campaign.deadline_passed',
            params: { campaignId: due.campaignId, roundNo: round.roundNo, documentNumber: known.campaign.documentNumber, roundName: round.name, deadline: round.deadline },
            link,
            email: (locale) => reminderEmail(kind, context, locale),
          },
        );
        await this.reports.recordReminder(due.roundId, due.recipientId, kind, result.notified, result.emailed);
        counts.reminded++;
        counts.notified += result.notified;
        counts.emailed += result.emailed;
        counts.emailFailures += result.emailFailures;
      }
    }
    if (counts.reminded > 0) return counts;
  }
}
