import { VN_UTC_OFFSET_MINUTES } from '@bluezone/contract';
import { writeXlsx, type CellValue, type SheetColumn } from '../platform/xlsx.js';
import type { CampaignRecord } from './campaigns.records.js';
import { formatDay, type OfficialReport } from './official-report.text.js';

/**
 * The combined report as a spreadsheet for the people who go on computing with it: one sheet of totals (the
 * completeness figures, the installs, and the directive's five rows) and one row per recipient, every figure a number
 * (percentages as fractions formatted as %), so sums and sorts need no retyping. Vietnamese, like the .docx.
 */
const STATUS_VI = { not_started: 'Chưa báo cáo', draft: 'Đang soạn (chưa gửi)', submitted: 'Đã gửi', returned: 'Đã trả lại', accepted: 'Đã chấp nhận' } as const;

/** A percentage of the API (two decimals) as the fraction a % cell holds, without floating-point dust. */
const fraction = (percent: number | null): number | null => (percent === null ? null : Math.round(percent * 100) / 10_000);
/** An exact ratio where both numbers are at hand. */
const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export async function reportWorkbook(campaign: CampaignRecord, report: OfficialReport): Promise<Buffer> {
  const many = report.scope === 'campaign';
  const roundColumn: SheetColumn[] = many ? [{ header: 'Đợt', key: 'round', width: 16 }] : [];

  const totals: Record<string, CellValue>[] = [];
  for (const section of report.sections) {
    const s = section.summary;
    const round = section.round.name;
    const row = (tt: string, label: string, quantity: number | null, share: number | null, note = '') => totals.push({ round, tt, label, quantity, percent: share, note });
    row('', 'Số cơ quan, đơn vị phải báo cáo', s.expected, null);
    row('', 'Đã báo cáo', s.submitted, ratio(s.submitted, s.expected));
    row('', 'Đúng hạn', s.onTime, null, `Hạn: hết ngày ${formatDay(section.round.deadline)}`);
    row('', 'Quá hạn', s.late, null);
    row('', 'Chưa báo cáo', s.missing.length, null);
    row('', 'Đã trả lại để hoàn thiện', s.returned, null);
    row('', 'Tổng số cán bộ, công chức, viên chức, người lao động', s.totals.staffTotal, null);
    row('', 'Đã cài đặt ứng dụng Bluezone', s.totals.staffInstalled, ratio(s.totals.staffInstalled, s.totals.staffTotal));
    section.indicators.forEach((line, i) => row(String(i + 1), line.label, line.quantity, fraction(line.percent), line.note));
  }

  const indicatorColumns: SheetColumn[] = campaign.indicators.flatMap((indicator) => [
    { header: `${indicator.label.vi}: số lượng`, key: `${indicator.key}.quantity`, width: 14 },
    { header: `${indicator.label.vi}: tỷ lệ %`, key: `${indicator.key}.percent`, width: 14, numFmt: '0.00%' },
    { header: `${indicator.label.vi}: ghi chú`, key: `${indicator.key}.note`, width: 20 },
  ]);
  const recipients: Record<string, CellValue>[] = [];
  for (const section of report.sections) {
    for (const r of section.summary.rows) {
      const row: Record<string, CellValue> = {
        round: section.round.name,
        name: r.recipient.name,
        kind: r.recipient.kind === 'unit' ? 'Đơn vị hành chính' : 'Cơ quan, đơn vị',
        code: r.recipient.unitCode ?? r.recipient.homeUnitCode,
        group: r.recipient.group,
        status: STATUS_VI[r.status],
        // A spreadsheet has no time zone: the cell shows the time as read in Vietnam.
        submittedAt: r.submittedAt === null ? null : new Date(Date.parse(r.submittedAt) + VN_UTC_OFFSET_MINUTES * 60_000),
        late: r.submittedAt === null ? null : r.late ? 'Quá hạn' : 'Đúng hạn',
        staffTotal: r.staffTotal,
        staffInstalled: r.staffInstalled,
        installedPercent: r.staffTotal === null || r.staffInstalled === null ? null : ratio(r.staffInstalled, r.staffTotal),
        proposals: r.proposals,
      };
      for (const indicator of campaign.indicators) {
        const value = r.indicators[indicator.key];
        row[`${indicator.key}.quantity`] = value?.quantity ?? null;
        row[`${indicator.key}.percent`] = fraction(value?.percent ?? null);
        row[`${indicator.key}.note`] = value?.note ?? null;
      }
      recipients.push(row);
    }
  }

  const title = [`${campaign.issuingBody}`, `Báo cáo tổng hợp: ${report.subject}`];
  return writeXlsx([
    {
      name: 'Tổng hợp',
      preamble: title,
      columns: [
        ...roundColumn,
        { header: 'TT', key: 'tt', width: 5 },
        { header: 'Chỉ tiêu', key: 'label', width: 48 },
        { header: 'Số lượng', key: 'quantity', width: 12, numFmt: '#,##0' },
        { header: 'Tỷ lệ %', key: 'percent', width: 10, numFmt: '0.00%' },
        { header: 'Ghi chú', key: 'note', width: 32 },
      ],
      rows: totals,
    },
    {
      name: 'Theo cơ quan, đơn vị',
      preamble: title,
      columns: [
        ...roundColumn,
        { header: 'Cơ quan, đơn vị', key: 'name', width: 36 },
        { header: 'Loại', key: 'kind', width: 18 },
        { header: 'Mã đơn vị', key: 'code', width: 10 },
        { header: 'Nhóm', key: 'group', width: 18 },
        { header: 'Trạng thái', key: 'status', width: 18 },
        { header: 'Thời điểm gửi', key: 'submittedAt', width: 18, numFmt: 'dd/mm/yyyy hh:mm' },
        { header: 'Đúng hạn / quá hạn', key: 'late', width: 12 },
        { header: 'Tổng số cán bộ', key: 'staffTotal', width: 12 },
        { header: 'Đã cài đặt', key: 'staffInstalled', width: 12 },
        { header: 'Tỷ lệ cài đặt', key: 'installedPercent', width: 12, numFmt: '0.00%' },
        ...indicatorColumns,
        { header: 'Đề xuất, kiến nghị', key: 'proposals', width: 40 },
      ],
      rows: recipients,
    },
  ]);
}
