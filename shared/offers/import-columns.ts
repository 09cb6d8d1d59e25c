// Spreadsheet columns of a provider's offer list: German headers (as the export writes them) or field names, and the
// ways a spreadsheet writes numbers ("2.450,50"), dates ("15.01.2027", several in one cell) and yes/no. What cannot be
// read stays as it is, so the dry run names the field and why.
import { DISTRICTS, DISTRICT_LABELS } from '../regions.ts';

/** The columns, in the order the export writes them: header → field (`contact.` fields go into the contact). */
export const OFFER_COLUMNS = [
  ['Titel', 'title'],
  ['KldB', 'occupationCode'],
  ['Art', 'kind'],
  ['Stunden', 'hours'],
  ['Form', 'format'],
  ['Plätze', 'places'],
  ['Beginn', 'startDates'],
  ['Landkreis', 'district'],
  ['Ort', 'place'],
  ['Kosten (€)', 'costEuro'],
  ['AZAV', 'azav'],
  ['Ansprechperson', 'contact.name'],
  ['E-Mail', 'contact.email'],
  ['Telefon', 'contact.phone'],
  ['Beschreibung', 'description'],
] as const;

const HEADERS = new Map<string, string>([
  ...OFFER_COLUMNS.map(([header, field]) => [header.toLowerCase(), field] as [string, string]),
  ...OFFER_COLUMNS.map(([, field]) => [field.toLowerCase(), field] as [string, string]),
  ['kldb-code', 'occupationCode'],
  ['beruf', 'occupationCode'],
  ['plaetze', 'places'],
  ['termine', 'startDates'],
  ['starttermine', 'startDates'],
  ['kreis', 'district'],
  ['kosten', 'costEuro'],
  ['kosten in euro', 'costEuro'],
  ['email', 'contact.email'],
]);

export const KIND_WORDS: Record<string, string> = {
  qualifizierungsbaustein: 'qualification_module',
  ausbildungsbaustein: 'training_module',
  anpassungsqualifizierung: 'adaptation',
  prüfungsvorbereitung: 'exam_preparation',
};
export const FORMAT_WORDS: Record<string, string> = { vollzeit: 'full_time', teilzeit: 'part_time', betrieblich: 'in_company', 'im betrieb': 'in_company' };
const YES = new Set(['ja', 'j', 'x', 'yes', 'true', '1', 'wahr']);
const NO = new Set(['nein', 'n', 'no', 'false', '0', 'falsch']);

const districtByLabel = new Map<string, string>(
  DISTRICTS.flatMap((d) => [
    [d, d],
    [DISTRICT_LABELS[d].toLowerCase(), d],
    [DISTRICT_LABELS[d].replace(/^Landkreis /, '').toLowerCase(), d],
  ]),
);

/** "2.450,50" and "2450.5" and "280" as numbers; anything else as it was. */
function number(value: string): number | string {
  const german = value.replace(/\s|€/g, '');
  const normal = german.includes(',') ? german.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(german) ? german.replace(/\./g, '') : german;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : value;
}

/** "15.01.2027" as 2027-01-15; an ISO date as it is. */
function isoDate(value: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value;
}

function convert(field: string, value: string): unknown {
  switch (field) {
    case 'hours':
    case 'places':
    case 'costEuro':
      return number(value);
    case 'startDates':
      return value
        .split(/\s*[;,]\s*|\s+/)
        .filter(Boolean)
        .map(isoDate);
    case 'kind':
      return KIND_WORDS[value.toLowerCase().replace(/\s*\(.*\)$/, '')] ?? value;
    case 'format':
      return FORMAT_WORDS[value.toLowerCase()] ?? value;
    case 'district':
      return districtByLabel.get(value.toLowerCase()) ?? value;
    case 'azav':
      return YES.has(value.toLowerCase()) ? true : NO.has(value.toLowerCase()) ? false : value;
    default:
      return value;
  }
}

/** One spreadsheet row (header → cell text) as the offer fields the schema checks. Unknown headers stay, so the report names them. */
export function rowToOffer(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const [header, raw] of Object.entries(row)) {
    const key = header.trim();
    const field = HEADERS.get(key.toLowerCase()) ?? key;
    const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
    if (text === '' || text === null || text === undefined) continue;
    const value = typeof text === 'string' ? convert(field, text) : text;
    if (field.startsWith('contact.')) contact[field.slice('contact.'.length)] = value;
    else out[field] = value;
  }
  if (Object.keys(contact).length) out.contact = contact;
  return out;
}

const KIND_TITLES = Object.fromEntries(Object.entries(KIND_WORDS).map(([word, kind]) => [kind, word.charAt(0).toUpperCase() + word.slice(1)]));
const FORMAT_TITLES: Record<string, string> = { full_time: 'Vollzeit', part_time: 'Teilzeit', in_company: 'betrieblich' };
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

/** An offer as the export writes it, in the columns the import reads: the two round-trip. */
export function offerToRow(o: {
  title: string;
  occupationCode: string;
  kind: string;
  hours: number;
  format: string;
  places: number;
  startDates: string[];
  district: string;
  place: string;
  costEuro?: number;
  azav: boolean;
  contact?: { name?: string; email?: string; phone?: string };
  description?: string;
}): Record<string, string | number> {
  const values: Record<string, string | number | undefined> = {
    title: o.title,
    occupationCode: o.occupationCode,
    kind: KIND_TITLES[o.kind] ?? o.kind,
    hours: o.hours,
    format: FORMAT_TITLES[o.format] ?? o.format,
    places: o.places,
    startDates: o.startDates.map(germanDate).join('; '),
    district: DISTRICT_LABELS[o.district as keyof typeof DISTRICT_LABELS] ?? o.district,
    place: o.place,
    costEuro: o.costEuro === undefined ? undefined : o.costEuro.toLocaleString('de-DE', { maximumFractionDigits: 2 }),
    azav: o.azav ? 'ja' : 'nein',
    'contact.name': o.contact?.name,
    'contact.email': o.contact?.email,
    'contact.phone': o.contact?.phone,
    description: o.description,
  };
  return Object.fromEntries(OFFER_COLUMNS.map(([header, field]) => [header, values[field] ?? '']));
}
