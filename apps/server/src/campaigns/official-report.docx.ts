import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import { bodyOf, documentDate, formatCount, formatPercent, roundHeading, type OfficialReport, type ReportSection } from './official-report.text.js';

/**
 * The combined report as a Vietnamese administrative letter, laid out after Decree 30/2020/NĐ-CP (Appendix I): A4,
 * margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body top left (its superior
 * above it, the body in bold, a short rule under it), the national name and motto top right (13 pt and 14 pt bold,
 * a rule under the motto as wide as it), "Số" and the subject (V/v) under the body, place and date in italics under
 * the motto, "Kính gửi", the body in 14 pt, then "Nơi nhận" bottom left (12 pt bold italic, 11 pt lines) and the
 * signature block bottom right (bold capitals, room to sign, the signer's name in bold).
 */

const FONT = 'Times New Roman';
// Sizes are half-points.
const PT = (points: number) => points * 2;
// Lengths are twentieths of a point (twips): 1 mm = 56.7 twips.
const MM = (mm: number) => Math.round(mm * 56.7);
const PAGE_WIDTH = MM(210);
const TEXT_WIDTH = PAGE_WIDTH - MM(30) - MM(15);

const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const cellNoBorders = { top: none, bottom: none, left: none, right: none };

interface Line {
  text: string;
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

// Capitals in the text itself, not a display attribute: copied or read back, the heading stays in capitals.
const upper = (text: string) => text.toLocaleUpperCase('vi');

function line(parts: Line | Line[], options: IParagraphOptions = {}): Paragraph {
  const runs = (Array.isArray(parts) ? parts : [parts]).map(
    (p) => new TextRun({ text: p.text, font: FONT, size: PT(p.size ?? 14), bold: p.bold ?? false, italics: p.italics ?? false }),
  );
  return new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, ...options, children: runs });
}

/** A centred rule of about `mm` under a line, drawn as the bottom border of an empty indented paragraph. */
function rule(cellWidth: number, mm: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - MM(mm)) / 2));
  return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, indent: { left: side, right: side }, spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' }, children: [] });
}

function cell(children: Paragraph[], width: number, options: { borders?: typeof cellNoBorders; verticalAlign?: 'top' | 'center' | 'bottom' } = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: options.borders ?? cellNoBorders, verticalAlign: options.verticalAlign ?? VerticalAlign.TOP });
}

// The letterhead reaches 5 mm into each side margin, as the decree's samples do, so the national name fits one line.
const HEADER_WIDTH = TEXT_WIDTH + MM(10);

function header(report: OfficialReport): Table {
  const left = Math.round(HEADER_WIDTH * 0.44);
  const right = HEADER_WIDTH - left;
  const h = report.header;
  const bodyLines: Paragraph[] = [];
  if (h.parentBody) bodyLines.push(line({ text: upper(h.parentBody), size: 12 }, { alignment: AlignmentType.CENTER }));
  bodyLines.push(line({ text: upper(report.issuingBody), size: 12, bold: true }, { alignment: AlignmentType.CENTER }), rule(left, 25));
  const motto = [
    line({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 12, bold: true }, { alignment: AlignmentType.CENTER }),
    line({ text: 'Độc lập - Tự do - Hạnh phúc', size: 13, bold: true }, { alignment: AlignmentType.CENTER }),
    rule(right, 57),
  ];
  const number = [
    line({ text: `Số: ${h.number ?? '        '}/${h.symbol ?? 'BC'}`, size: 13 }, { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 } }),
    line({ text: `V/v ${report.subject}`, size: 12 }, { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 0 } }),
  ];
  const date = [line({ text: `${h.place ?? '.......'}, ${documentDate(report.date)}`, size: 14, italics: true }, { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 } })];
  return new Table({
    width: { size: HEADER_WIDTH, type: WidthType.DXA },
    indent: { size: -MM(5), type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [cell(bodyLines, left), cell(motto, right)] }), new TableRow({ children: [cell(number, left), cell(date, right)] })],
  });
}

const bodyParagraph = (text: string | Line[], options: IParagraphOptions = {}) =>
  line(typeof text === 'string' ? { text } : text, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: MM(10) }, spacing: { before: 0, after: 120, line: 276 }, ...options });

const heading = (text: string) => bodyParagraph([{ text, bold: true }], { keepNext: true });

function indicatorTable(section: ReportSection): Table {
  const widths = [0.08, 0.4, 0.15, 0.13, 0.24].map((f) => Math.round(TEXT_WIDTH * f));
  const borders = { top: thin, bottom: thin, left: thin, right: thin };
  const text = (value: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; italics?: boolean } = {}) =>
    line({ text: value, size: 13, bold: options.bold ?? false, italics: options.italics ?? false }, { alignment: options.align ?? AlignmentType.LEFT, spacing: { before: 40, after: 40 } });
  const headerRow = new TableRow({
    tableHeader: true,
    children: ['TT', 'Phương thức thông tin', 'Số lượng', 'Tỷ lệ %', 'Ghi chú'].map((title, i) =>
      cell([text(title, { bold: true, align: AlignmentType.CENTER })], widths[i]!, { borders, verticalAlign: VerticalAlign.CENTER }),
    ),
  });
  const rows = section.indicators.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([text(String(i + 1), { align: AlignmentType.CENTER })], widths[0]!, { borders, verticalAlign: VerticalAlign.CENTER }),
          cell([text(row.label)], widths[1]!, { borders, verticalAlign: VerticalAlign.CENTER }),
          cell([text(formatCount(row.quantity), { align: AlignmentType.RIGHT })], widths[2]!, { borders, verticalAlign: VerticalAlign.CENTER }),
          cell([text(row.percent === null ? '' : formatPercent(row.percent), { align: AlignmentType.RIGHT })], widths[3]!, { borders, verticalAlign: VerticalAlign.CENTER }),
          cell([text(row.note, { italics: true })], widths[4]!, { borders, verticalAlign: VerticalAlign.CENTER }),
        ],
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [headerRow, ...rows] });
}

function signature(report: OfficialReport): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const h = report.header;
  const recipients = [
    line({ text: 'Nơi nhận:', size: 12, bold: true, italics: true }),
    ...report.copiesTo.map((to, i) => line({ text: `- ${to}${i === report.copiesTo.length - 1 ? '.' : ';'}`, size: 11 })),
  ];
  const title = (h.signerTitle ?? '').split('\n').filter((l) => l.trim() !== '');
  const signer = [
    ...(title.length > 0 ? title : ['.................................']).map((l) => line({ text: upper(l), size: 14, bold: true }, { alignment: AlignmentType.CENTER })),
    // Room for the signature and the seal.
    ...Array.from({ length: 3 }, () => line({ text: '' })),
    line({ text: h.signerName ?? '', size: 14, bold: true }, { alignment: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signer, right)] })],
  });
}

function sectionBody(section: ReportSection, numbered: boolean): (Paragraph | Table)[] {
  const body = bodyOf(section);
  const out: (Paragraph | Table)[] = [];
  if (numbered) out.push(bodyParagraph([{ text: roundHeading(section), bold: true }], { keepNext: true, indent: { firstLine: 0 } }));
  out.push(heading('1. Tình hình báo cáo'), ...body.completeness.map((t) => bodyParagraph(t)));
  out.push(heading('2. Kết quả cài đặt ứng dụng Bluezone'), bodyParagraph(body.installs));
  out.push(heading('3. Kết quả các hoạt động truyền thông'), indicatorTable(section), line({ text: '' }));
  out.push(heading('4. Đề xuất, kiến nghị'), ...body.proposals.map((t) => bodyParagraph(t)));
  return out;
}

/** The .docx file of a round's (or, with several sections, the whole campaign's) combined report. */
export async function officialReportDocx(report: OfficialReport): Promise<Buffer> {
  const numbered = report.scope === 'campaign';
  const document = new Document({
    creator: 'Bluezone',
    title: `Báo cáo ${report.subject}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        // Page numbers from the second page on, centred in the top margin (Decree 30, Appendix I).
        properties: { titlePage: true, page: { size: { width: PAGE_WIDTH, height: MM(297) }, margin: { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15), header: MM(10) } } },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })] }),
        },
        children: [
          header(report),
          line({ text: '' }),
          line([{ text: 'Kính gửi: ' }, { text: report.header.reportTo ?? '..........................................................' }], { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } }),
          bodyParagraph(report.opening),
          ...report.sections.flatMap((section) => sectionBody(section, numbered)),
          // The closing line goes with the signature: a page never starts with a signature alone.
          bodyParagraph(report.closing, { keepNext: true, keepLines: true }),
          line({ text: '' }, { keepNext: true }),
          signature(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

