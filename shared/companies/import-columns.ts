// Spreadsheet columns of a company import: German headers (as the export writes them) or field names, mapped to fields.
import { DISTRICTS, DISTRICT_LABELS } from '../regions.ts';

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

const FIELDS = [
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
    const field = FIELDS.includes(key) ? key : (HEADERS[key.toLowerCase()] ?? key);
    let value = typeof raw === 'string' ? raw.trim() : raw;
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
