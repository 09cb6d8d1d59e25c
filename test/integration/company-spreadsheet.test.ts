// Companies round-trip through a spreadsheet as German Excel users keep them: exported (CSV and XLSX, the admin's own
// writers), read back the way the import page reads a file, imported into a table without those companies, and the
// same records come back — every field the export writes, umlauts, a postcode with a leading zero, a phone number that
// starts like a formula, notes over two lines.
import { describe, expect, it } from 'vitest';

const { handler: companies } = await import('#functions/companies/handler.ts');
const { call } = await import('../support/api.ts');
const { aCompany } = await import('../support/builders.ts');
const { jobEnded, startJobWorker } = await import('../support/jobs.ts');
const { COMPANY_COLUMNS, COMPANY_FIELDS, rowToCompany } = await import('#shared/companies/import-columns.ts');
const { readSpreadsheet, toCsv, toXlsx } = await import('../../admin/src/data/spreadsheet.ts');
const ExcelJS = (await import('exceljs')).default;

type Company = import('#shared/companies/schema.ts').Company;

const fieldsOf = (c: Record<string, unknown>) => Object.fromEntries(COMPANY_FIELDS.filter((f) => c[f] !== undefined).map((f) => [f, c[f]]));

async function companiesNamed(prefix: string): Promise<Company[]> {
  const res = await call(companies, 'GET /api/companies', { query: { q: prefix, limit: '100' }, as: 'coordinator' });
  expect(res.status).toBe(200);
  return (res.body.items as Company[]).sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates the companies, exports them with `write`, deletes them, imports the file and answers what the table holds. */
async function roundTrip(tag: string, write: (rows: Company[]) => Promise<File>) {
  await startJobWorker();
  const inputs = [
    aCompany({
      name: `Rundreise ${tag} Müller & Söhne GmbH`,
      wzSection: 'C',
      wzDivision: '25',
      postcode: '01067',
      district: 'rostock_city',
      street: 'Straße des 17. Juni 4',
      phone: '+49 381 1234567',
      notes: 'Zwei Stellen\nab Frühjahr',
      chamber: 'hwk',
    }),
    aCompany({ name: `Rundreise ${tag} Özdemir Bau KG`, wzSection: 'F', sizeClass: '50-249', contactPerson: 'Ayşe Özdemir', phone: '0381 998877' }),
    aCompany({ name: `Rundreise ${tag} Ostsee Pflege gGmbH`, wzSection: 'Q', email: undefined, contactPerson: undefined, city: undefined }),
  ];
  for (const input of inputs) expect((await call(companies, 'POST /api/companies', { body: input, as: 'coordinator' })).status).toBe(201);
  const before = await companiesNamed(`Rundreise ${tag}`);
  expect(before).toHaveLength(3);

  const file = await write(before);
  for (const c of before) expect((await call(companies, 'DELETE /api/companies/{id}', { params: { id: c.id }, as: 'coordinator' })).status).toBe(200);
  expect(await companiesNamed(`Rundreise ${tag}`)).toHaveLength(0);

  const rows = (await readSpreadsheet(file)).map(rowToCompany);
  const res = await call(companies, 'POST /api/companies/import', { body: { dryRun: false, rows }, as: 'coordinator' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ rows: 3, valid: 3, errors: [] });
  await jobEnded(res.body.jobId);
  const after = await companiesNamed(`Rundreise ${tag}`);
  expect(after.map(fieldsOf)).toEqual(before.map(fieldsOf));
  return file;
}

describe('companies through a spreadsheet and back', () => {
  it('an Excel export imported again gives the same companies; its header is every column the import reads', async () => {
    const file = await roundTrip('xlsx', async (rows) => new File([await toXlsx(rows, COMPANY_COLUMNS, 'Betriebe')], 'betriebe.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COMPANY_COLUMNS.map((c) => c.header));
    // The columns are as wide as their longest value (the notes, the street), not a fixed width.
    const width = (header: string) => sheet.getColumn(COMPANY_COLUMNS.findIndex((c) => c.header === header) + 1).width ?? 0;
    expect(width('Name')).toBeGreaterThan(`Rundreise xlsx Müller & Söhne GmbH`.length);
    expect(width('PLZ')).toBeLessThan(12);
  });

  it('a CSV export imported again gives the same companies', async () => {
    await roundTrip('csv', async (rows) => new File([toCsv(rows, COMPANY_COLUMNS)], 'betriebe.csv'));
  });
});

describe('numbers and dates in exports', () => {
  const columns = [
    { header: 'Mittelwert', value: (r: { mean: number; on: Date }) => r.mean },
    { header: 'Seit', value: (r: { mean: number; on: Date }) => r.on },
  ];
  const rows = [{ mean: 12.5, on: new Date(Date.UTC(2027, 0, 15)) }];

  it('CSV writes a decimal comma and a German date, which German Excel does not turn into something else', async () => {
    const text = await toCsv(rows, columns).text();
    expect(text).toContain('"12,5";"15.01.2027"');
  });

  it('XLSX holds a number cell and a date cell shown as a German date', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await toXlsx(rows, columns, 'Auswertung')).arrayBuffer());
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe(12.5);
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    expect(row.getCell(2).numFmt).toBe('dd.mm.yyyy');
  });
});
