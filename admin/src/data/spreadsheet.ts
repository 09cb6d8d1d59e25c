// Spreadsheet files for exports: CSV the way German Excel reads it, and XLSX (exceljs, loaded only when used).
import Papa from 'papaparse';

/**
 * A column of an export. A number stays a number (CSV: with a decimal comma, XLSX: a number cell), a Date is a day
 * (CSV: 15.01.2027, XLSX: a date cell); everything else is text.
 */
export type Column<T> = { header: string; value: (row: T) => string | number | Date | undefined };

/** A number as German Excel reads it from a CSV: decimal comma, no thousands separator ("12,5", not "12.5"). */
export const germanNumber = (n: number) => n.toLocaleString('de-DE', { useGrouping: false, maximumFractionDigits: 10 });
const germanDay = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

/**
 * A cell a spreadsheet could run as a formula: it starts with = + - @, a tab or a CR, or a line break is followed by
 * one of them (papaparse's own test reads only the first line). Such a cell gets a leading apostrophe.
 */
export const FORMULA_LIKE = /^[=+\-@\t\r]|[\r\n][=+\-@\t\r]/;

/** UTF-8 with BOM, semicolon-separated, CRLF, decimal commas and German dates: German Excel opens it as it is meant. */
export function toCsv<T>(rows: T[], columns: Column<T>[]): Blob {
  const cell = (v: string | number | Date | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? germanNumber(v) : v instanceof Date ? germanDay(v) : v;
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => cell(c.value(r)))) },
    // A number or a date written here is never a formula (a negative number's "-" is left alone).
    { delimiter: ';', newline: '\r\n', quotes: true, escapeFormulae: FORMULA_LIKE },
  );
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

/** The width a column needs for its longest line (header or value), in characters, within 8 and 60. */
function widthOf(values: (string | number | Date | undefined)[]): number {
  const longest = Math.max(
    ...values.map((v) =>
      v === undefined ? 0 : v instanceof Date ? 10 : typeof v === 'number' ? germanNumber(v).length : Math.max(...v.split('\n').map((l) => l.length)),
    ),
  );
  return Math.min(60, Math.max(8, longest + 2));
}

/** An Excel workbook with real number and date cells, a bold frozen header with a filter, and fitting column widths. */
export async function toXlsx<T>(rows: T[], columns: Column<T>[], sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'amoN';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const values = rows.map((r) => columns.map((c) => c.value(r)));
  sheet.columns = columns.map((c, i) => ({ header: c.header, width: widthOf([c.header, ...values.map((v) => v[i])]) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of values) {
    const added = sheet.addRow(row.map((v) => v ?? null));
    row.forEach((v, i) => {
      if (v instanceof Date) added.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** One table of a file: a worksheet of an Excel file, or a CSV file; each row with the row it has in the file. */
export type SheetRows = { name: string; headers: string[]; rows: { line: number; cells: Record<string, string> }[] };

/**
 * Every worksheet of an XLSX file, or the one table of a CSV file, as header → the cell's text as a person sees it
 * (see `cellText`: a hyperlink's text, a formula's result, a date as YYYY-MM-DD). Empty rows are left out.
 */
export async function readWorkbook(file: File): Promise<SheetRows[]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    return workbook.worksheets.map((sheet) => {
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(cellText);
      const rows: SheetRows['rows'] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const cells = Object.fromEntries(headers.map((h, i) => [h, cellText(row.getCell(i + 1).value)]));
        if (Object.values(cells).some((v) => v.trim() !== '')) rows.push({ line: n, cells });
      });
      return { name: sheet.name, headers: headers.filter(Boolean), rows };
    });
  }
  const text = (await file.text()).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [head = [], ...body] = parsed.data;
  const headers = head.map((h) => h.trim());
  const rows = body.flatMap((cells, i) =>
    cells.some((c) => c.trim() !== '') ? [{ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ''])) }] : [],
  );
  return [{ name: file.name, headers: headers.filter(Boolean), rows }];
}

/** The rows of the first sheet (XLSX) or of a CSV file, as header → the cell's text. */
export async function readSpreadsheet(file: File): Promise<Record<string, unknown>[]> {
  const [first] = await readWorkbook(file);
  return first ? first.rows.map((r) => r.cells) : [];
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
