/**
 * Spreadsheets that officials pass on: one header row in bold, frozen, with an auto-filter; numbers stay numbers and
 * dates stay dates, so the receiver can sum and sort without retyping. Built on exceljs, loaded at the first
 * spreadsheet: a server that is never asked for one does not carry it.
 */
export type CellValue = string | number | Date | null;

export interface SheetColumn {
  header: string;
  key: string;
  /** Width in characters; defaults to the header's length, at least 10. */
  width?: number;
  /** Excel number format, e.g. `0.0%`, `dd/mm/yyyy hh:mm`. */
  numFmt?: string;
}

export interface SheetSpec {
  /** At most 31 characters, none of `[]:*?/\` (Excel's rule); cut and cleaned here. */
  name: string;
  columns: SheetColumn[];
  rows: Record<string, CellValue>[];
  /** Rows written above the header (a title, the filter used). */
  preamble?: string[];
}

export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet';
}

export async function writeXlsx(sheets: SheetSpec[], creator = 'Bluezone'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(sheetName(spec.name));
    for (const line of spec.preamble ?? []) sheet.addRow([line]).font = { bold: true };
    const headerRow = sheet.addRow(spec.columns.map((c) => c.header));
    headerRow.font = { bold: true };
    spec.columns.forEach((column, i) => {
      const target = sheet.getColumn(i + 1);
      target.width = column.width ?? Math.max(10, column.header.length + 2);
      if (column.numFmt) target.numFmt = column.numFmt;
    });
    for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => row[c.key] ?? null));
    const headerAt = headerRow.number;
    sheet.views = [{ state: 'frozen', ySplit: headerAt }];
    sheet.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt, column: spec.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
