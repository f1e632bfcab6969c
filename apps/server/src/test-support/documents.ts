import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** The text of a .docx as a reader sees it: the runs of each paragraph joined, one paragraph per line. */
export function docxText(file: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(''))
    .filter((line) => line !== '')
    .join('\n');
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every sheet of a workbook as rows of cell values (exceljs reads numbers back as numbers). */
export async function xlsxRows(file: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out[sheet.name] = rows;
  });
  return out;
}
