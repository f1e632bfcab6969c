import type { ReportHeader, Round, SummaryResponse } from '@bluezone/contract';
import type { CampaignRecord } from './campaigns.records.js';

/**
 * The words and figures of the combined report, apart from its layout, so the .docx and the .xlsx say the same
 * thing and tests read them without a document. Vietnamese only: it is an official document of a Vietnamese body.
 */
export interface IndicatorLine {
  label: string;
  quantity: number;
  percent: number | null;
  note: string;
}

export interface ReportSection {
  round: Round;
  summary: SummaryResponse;
  indicators: IndicatorLine[];
}

export interface OfficialReport {
  issuingBody: string;
  header: ReportHeader & { number?: string };
  /** The subject after "V/v". */
  subject: string;
  /** The document's date, a Vietnamese calendar day. */
  date: string;
  opening: string;
  closing: string;
  copiesTo: string[];
  sections: ReportSection[];
  /** A round's report, or the whole campaign's (each round under its own heading). */
  scope: 'round' | 'campaign';
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 1.234 (Vietnamese thousands separator). */
export const formatCount = (n: number) => numberFormat.format(n);
/** 79,98% */
export const formatPercent = (p: number) => `${percentFormat.format(p)}%`;
/** dd/mm/yyyy */
export const formatDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * "ngày 05 tháng 02 năm 2026": Decree 30/2020/NĐ-CP, Appendix I, writes a 0 before days under 10 and months under 3.
 */
export function documentDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `ngày ${String(date).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${year}`;
}

/** "V/v tăng cường tuyên truyền" → "về việc tăng cường tuyên truyền". */
function aboutTitle(title: string): string {
  const bare = title.replace(/^\s*(V\/v|về việc)\s*/i, '');
  return `về việc ${bare}`;
}

const NAMES_SHOWN = 30;

function names(list: readonly string[]): string {
  if (list.length <= NAMES_SHOWN) return list.join(', ');
  return `${list.slice(0, NAMES_SHOWN).join(', ')} và ${formatCount(list.length - NAMES_SHOWN)} cơ quan, đơn vị khác`;
}

export function roundHeading(section: ReportSection): string {
  const r = section.round;
  const period = r.periodStart ? `từ ngày ${formatDay(r.periodStart)} đến ngày ${formatDay(r.periodEnd)}` : `đến ngày ${formatDay(r.periodEnd)}`;
  return `${r.name} (${period}; hạn báo cáo: hết ngày ${formatDay(r.deadline)})`;
}

/** The paragraphs of one round: completeness, installs, proposals. */
export function bodyOf(section: ReportSection) {
  const s = section.summary;
  const completeness = [
    `- Số cơ quan, đơn vị phải báo cáo: ${formatCount(s.expected)}; đã báo cáo: ${formatCount(s.submitted)} (đúng hạn: ${formatCount(s.onTime)}; quá hạn: ${formatCount(s.late)})${s.expected > 0 ? `, đạt ${formatPercent(Math.round((s.submitted / s.expected) * 10_000) / 100)}` : ''}.`,
  ];
  if (s.missing.length > 0) completeness.push(`- Chưa báo cáo: ${formatCount(s.missing.length)} (${names(s.missing.map((m) => m.recipient.name))}).`);
  const returned = s.rows.filter((r) => r.status === 'returned');
  if (returned.length > 0) completeness.push(`- Đã trả lại để hoàn thiện: ${formatCount(returned.length)} (${names(returned.map((r) => r.recipient.name))}).`);
  const t = s.totals;
  const installs =
    t.installedPercent === null
      ? 'Chưa có cơ quan, đơn vị nào báo cáo số cán bộ, công chức, viên chức, người lao động.'
      : `Tổng số cán bộ, công chức, viên chức, người lao động của các cơ quan, đơn vị đã báo cáo: ${formatCount(t.staffTotal)} người; số người đã cài đặt ứng dụng Bluezone: ${formatCount(t.staffInstalled)} người, đạt ${formatPercent(t.installedPercent)}.`;
  const gathered = s.rows.filter((r) => r.proposals && (r.status === 'submitted' || r.status === 'accepted'));
  const proposals = gathered.length === 0 ? ['Các cơ quan, đơn vị không có đề xuất, kiến nghị.'] : gathered.map((r) => `- ${r.recipient.name}: ${r.proposals!.replace(/\s+/g, ' ').trim()}`);
  return { completeness, installs, proposals };
}

export function sectionOf(campaign: CampaignRecord, summary: SummaryResponse): ReportSection {
  return {
    round: summary.round,
    summary,
    indicators: campaign.indicators.map((indicator) => ({
      label: indicator.label.vi,
      quantity: summary.totals.indicators[indicator.key]?.quantity ?? 0,
      percent: summary.totals.indicators[indicator.key]?.percent ?? null,
      note: indicator.note ?? '',
    })),
  };
}

/** The report of one round, or of the whole campaign when given every round's summary. */
export function officialReportOf(campaign: CampaignRecord, summaries: readonly SummaryResponse[], today: string, scope: OfficialReport['scope']): OfficialReport {
  const single = scope === 'round' ? summaries[0]!.round : undefined;
  const of = single ? `${single.name.toLocaleLowerCase('vi')} ` : '';
  const about = `Công văn số ${campaign.documentNumber} ngày ${formatDay(campaign.issuedOn)}`;
  return {
    issuingBody: campaign.issuingBody,
    header: campaign.header,
    subject: `báo cáo kết quả ${of}thực hiện Công văn số ${campaign.documentNumber}`,
    date: today,
    opening: `Thực hiện ${about} ${aboutTitle(campaign.title)}, kết quả tổng hợp báo cáo ${of}của các cơ quan, đơn vị như sau:`,
    closing: `Trên đây là báo cáo tổng hợp kết quả ${of}thực hiện ${about}, kính báo cáo./.`,
    copiesTo: ['Như trên', 'Lưu: VT'],
    sections: summaries.map((summary) => sectionOf(campaign, summary)),
    scope,
  };
}
