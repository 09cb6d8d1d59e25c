// A company's spreadsheet columns, one list for the export and the import: the export writes these headers, and the
// import reads them back (or field names, or a few usual other headers) into the fields the schema checks.
import { DISTRICTS, DISTRICT_LABELS } from '../regions.ts';
import type { Company } from './schema.ts';
import { WZ_SECTIONS } from './wz.ts';

/** The columns the export writes, in order; each one the import reads back into its field. */
export const COMPANY_COLUMNS: { header: string; value: (c: Company) => string }[] = [
  { header: 'Name', value: (c) => c.name },
  { header: 'WZ-Abschnitt', value: (c) => `${c.wzSection} ${WZ_SECTIONS[c.wzSection as keyof typeof WZ_SECTIONS]}` },
  { header: 'WZ-Abteilung', value: (c) => c.wzDivision ?? '' },
  { header: 'Größe', value: (c) => c.sizeClass },
  { header: 'Landkreis', value: (c) => DISTRICT_LABELS[c.district] },
  { header: 'PLZ', value: (c) => c.postcode },
  { header: 'Straße', value: (c) => c.street ?? '' },
  { header: 'Ort', value: (c) => c.city ?? '' },
  { header: 'Ansprechperson', value: (c) => c.contactPerson ?? '' },
  { header: 'E-Mail', value: (c) => c.email ?? '' },
  { header: 'Telefon', value: (c) => c.phone ?? '' },
  { header: 'Kammer', value: (c) => c.chamber.toUpperCase() },
  { header: 'Notizen', value: (c) => c.notes ?? '' },
];

const HEADERS: Record<string, string> = {
  name: 'name',
  'wz-abschnitt': 'wzSection',
  branche: 'wzSection',
  'wz-abteilung': 'wzDivision',
  größe: 'sizeClass',
  groesse: 'sizeClass',
  beschäftigte: 'sizeClass',
  landkreis: 'district',
  plz: 'postcode',
  postleitzahl: 'postcode',
  straße: 'street',
  strasse: 'street',
  ort: 'city',
  ansprechperson: 'contactPerson',
  'e-mail': 'email',
  email: 'email',
  telefon: 'phone',
  kammer: 'chamber',
  notizen: 'notes',
};

/** The fields a row may set. */
export const COMPANY_FIELDS = [
  'name',
  'wzSection',
  'wzDivision',
  'sizeClass',
  'district',
  'postcode',
  'street',
  'city',
  'contactPerson',
  'email',
  'phone',
  'chamber',
  'notes',
];

const districtByLabel = new Map<string, string>(DISTRICTS.map((d) => [DISTRICT_LABELS[d].toLowerCase(), d]));

/** One spreadsheet row (header → cell text) as the company fields the schema checks. Unknown headers stay, so the report names them. */
export function rowToCompany(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [header, raw] of Object.entries(row)) {
    const key = header.trim();
    const field = COMPANY_FIELDS.includes(key) ? key : (HEADERS[key.toLowerCase()] ?? key);
    // A CSV export guards a cell that starts like a formula (a phone number's "+") with an apostrophe; it goes again.
    let value = typeof raw === 'string' ? raw.trim().replace(/^'(?=[=+\-@\t\r])/, '') : raw;
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'number') value = String(value);
    if (field === 'wzSection' && typeof value === 'string') value = value.charAt(0).toUpperCase();
    if (field === 'chamber' && typeof value === 'string') value = value.toLowerCase();
    if (field === 'sizeClass' && typeof value === 'string') value = value.replace(/\s*Beschäftigte$/i, '');
    if (field === 'district' && typeof value === 'string') value = districtByLabel.get(value.toLowerCase()) ?? value;
    if (field === 'postcode' && typeof value === 'string') value = value.padStart(5, '0');
    out[field] = value;
  }
  return out;
}
