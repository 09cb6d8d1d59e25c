// Spreadsheet files for exports: CSV the way German Excel reads it, and XLSX (exceljs, loaded only when used).
import Papa from 'papaparse';

export type Column<T> = { header: string; value: (row: T) => string | number };

/**
 * A cell a spreadsheet could run as a formula: it starts with = + - @, a tab or a CR, or a line break is followed by
 * one of them (papaparse's own test reads only the first line). Such a cell gets a leading apostrophe.
 */
export const FORMULA_LIKE = /^[=+\-@\t\r]|[\r\n][=+\-@\t\r]/;

/** UTF-8 with BOM, semicolon-separated, CRLF: German Excel opens it with umlauts intact. */
export function toCsv<T>(rows: T[], columns: Column<T>[]): Blob {
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => c.value(r))) },
    { delimiter: ';', newline: '\r\n', quotes: true, escapeFormulae: FORMULA_LIKE },
  );
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

export async function toXlsx<T>(rows: T[], columns: Column<T>[], sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'amoN';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.min(60, Math.max(12, c.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The text of one imported XLSX cell as a person sees it: a hyperlink's text, rich text joined, a formula's result,
 * a date as YYYY-MM-DD (with the time when it has one), never "[object Object]" or a JavaScript date string.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((r) => r.text).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.result !== undefined) return cellText(cell.result);
  }
  return '';
}
