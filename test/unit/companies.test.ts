import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WZ_SECTIONS } from '#shared/companies/wz.ts';
import { rowToCompany } from '#shared/companies/import-columns.ts';
import { CompanyInput } from '#shared/companies/schema.ts';

describe('WZ 2008 sections', () => {
  it('are exactly the official sections of the reference file', () => {
    const lines = readFileSync(join(import.meta.dirname, '../../shared/data/wz2008-sections.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const official = Object.fromEntries(lines.map((l) => [l.slice(0, 1), l.slice(2).replace(/^"|"$/g, '')]));
    expect(WZ_SECTIONS).toEqual(official);
  });
});

describe('import columns', () => {
  it('reads the headers and labels the export writes back into valid company fields', () => {
    const row = rowToCompany({
      Name: 'Müritz Hotel GmbH',
      'WZ-Abschnitt': 'I Gastgewerbe',
      Größe: '10-49 Beschäftigte',
      Landkreis: 'Landkreis Mecklenburgische Seenplatte',
      PLZ: '17192',
      Ort: 'Waren (Müritz)',
      Kammer: 'IHK',
      'E-Mail': '',
    });
    expect(row).toEqual({
      name: 'Müritz Hotel GmbH',
      wzSection: 'I',
      sizeClass: '10-49',
      district: 'mecklenburgische_seenplatte',
      postcode: '17192',
      city: 'Waren (Müritz)',
      chamber: 'ihk',
    });
    expect(CompanyInput.safeParse(row).success).toBe(true);
  });

  it('keeps an unknown header so that the dry run can name it', () => {
    expect(rowToCompany({ Faxnummer: '0381 1' })).toEqual({ Faxnummer: '0381 1' });
  });
});
