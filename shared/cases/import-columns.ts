// The columns of a case import: three tables (cases, their counselling sessions, their plan modules), each field with
// its German column head and the other heads old databases use for it, and how a cell's text becomes the field's
// value (German dates and decimal commas, the German words of the vocabularies or their codes). The admin suggests a
// column mapping from the heads; the server reads the cells.
import { DISTRICT_LABELS } from '../regions.ts';
import {
  CEFR_NAMES,
  CONSENT_SCOPE_NAMES,
  GENDER_NAMES,
  MIGRATION_NAMES,
  MODULE_KIND_NAMES,
  MODULE_STATUS_NAMES,
  REGISTRATION_NAMES,
  SCHOOL_NAMES,
  SESSION_KIND_NAMES,
} from './labels.ts';
import { STATUS_NAMES } from './lifecycle.ts';

export const IMPORT_SHEETS = ['cases', 'sessions', 'modules'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** How a cell is read. */
export type CellKind = 'text' | 'date' | 'integer' | 'boolean' | 'enum' | 'scopes' | 'occupation' | 'counsellor';

export type ImportField = {
  field: string;
  /** The column head a template writes and the admin shows. */
  header: string;
  /** Other heads that mean the field (compared folded: case, umlauts, spaces and punctuation do not matter). */
  aliases: string[];
  kind: CellKind;
  /** For `enum` and `scopes`: code → German word. */
  values?: Record<string, string>;
  required?: boolean;
};

/** Codes and words that mean the same value beyond the German word (a short form, an old database's term). */
const EXTRA_WORDS: Record<string, Record<string, string[]>> = {
  gender: {
    female: ['w', 'frau', 'weiblich'],
    male: ['m', 'mann', 'männlich'],
    diverse: ['d', 'divers'],
    not_stated: ['k. a.', 'ka', 'unbekannt', 'ohne angabe'],
  },
  migrationBackground: { yes: ['x', 'ja'], no: ['nein', '-'], not_stated: ['k. a.', 'unbekannt'] },
  germanLevel: { native: ['muttersprache', 'muttersprachlich'], none: ['keine', 'ohne'] },
  schoolCertificate: {
    none: ['keiner', 'ohne'],
    berufsreife: ['hauptschulabschluss', 'ebr'],
    mittlere_reife: ['realschulabschluss', 'msa'],
    abitur: ['allgemeine hochschulreife'],
  },
  registration: { job_agency: ['agentur', 'arbeitsagentur', 'afa', 'sgb iii'], job_centre: ['jc', 'sgb ii'], none: ['nein', 'keine'] },
  kind: { first_talk: ['erstberatung'], qualification_module: ['qualifizierungsbaustein', 'qb'], exam_preparation: ['prüfungsvorbereitung'] },
  consentScope: { counselling: ['beratung'], share_with_partners: ['weitergabe', 'netzwerkpartner', 'partner'], job_placement: ['vermittlung'] },
};

const f = (field: string, header: string, kind: CellKind, aliases: string[] = [], extra: Partial<ImportField> = {}): ImportField => ({
  field,
  header,
  aliases,
  kind,
  ...extra,
});

export const IMPORT_FIELDS: Record<ImportSheet, ImportField[]> = {
  cases: [
    f('formerNumber', 'Bisherige Fallnummer', 'text', ['Fallnummer', 'Fall-Nr.', 'Fallnr', 'Aktenzeichen', 'Nr.', 'ID', 'Kennung']),
    f('firstName', 'Vorname', 'text', ['Vornamen'], { required: true }),
    f('lastName', 'Nachname', 'text', ['Name', 'Familienname', 'Zuname'], { required: true }),
    f('birthDate', 'Geburtsdatum', 'date', ['Geb.-Datum', 'Geboren am', 'Geburtstag', 'geb.']),
    f('gender', 'Geschlecht', 'enum', ['Anrede'], { values: GENDER_NAMES }),
    f('email', 'E-Mail', 'text', ['Email', 'E-Mail-Adresse', 'Mail']),
    f('phone', 'Telefon', 'text', ['Tel.', 'Telefonnummer', 'Mobil', 'Handy']),
    f('street', 'Straße', 'text', ['Strasse', 'Anschrift', 'Adresse']),
    f('postcode', 'PLZ', 'text', ['Postleitzahl']),
    f('city', 'Ort', 'text', ['Wohnort', 'Stadt']),
    f('district', 'Landkreis', 'enum', ['Kreis', 'Region'], { values: DISTRICT_LABELS }),
    f('migrationBackground', 'Migrationsgeschichte', 'enum', ['Migrationshintergrund'], { values: MIGRATION_NAMES }),
    f('germanLevel', 'Deutschkenntnisse', 'enum', ['Deutsch', 'Sprachniveau Deutsch', 'GER Deutsch'], { values: CEFR_NAMES }),
    f('schoolCertificate', 'Schulabschluss', 'enum', ['Schule', 'Schulbildung'], { values: SCHOOL_NAMES }),
    f('priorTraining', 'Bisherige Ausbildung', 'text', ['Ausbildung', 'Vorbildung']),
    f('registration', 'Gemeldet bei', 'enum', ['Rechtskreis', 'Meldung'], { values: REGISTRATION_NAMES }),
    f('customerNumber', 'Kundennummer', 'text', ['Kunden-Nr.', 'BG-Nummer']),
    f('drivingLicence', 'Führerschein', 'boolean', ['Fahrerlaubnis']),
    f('targetOccupation', 'Zielberuf', 'occupation', ['Beruf', 'Zielberuf (KldB)', 'KldB']),
    f('status', 'Status', 'enum', ['Stand', 'Phase', 'Fallstatus'], { values: STATUS_NAMES, required: true }),
    f('statusSince', 'Status seit', 'date', ['Stand seit', 'Seit']),
    f('openedOn', 'Aufgenommen am', 'date', ['Eintritt', 'Eintrittsdatum', 'Beginn', 'Angelegt am', 'Erstkontakt']),
    f('consentGivenOn', 'Einwilligung am', 'date', ['Einwilligung', 'Einverständnis am', 'Datenschutzerklärung am']),
    f('consentScope', 'Einwilligung in', 'scopes', ['Einwilligungsumfang', 'Umfang der Einwilligung'], { values: CONSENT_SCOPE_NAMES }),
    f('counsellorId', 'Beratung durch', 'counsellor', ['Berater', 'Beraterin', 'Berater/in', 'Zuständig', 'Fallverantwortung']),
    f('admissionDate', 'Zulassung zur Prüfung am', 'date', ['Zulassung', 'Zulassung am']),
    f('examPassedOn', 'Abschlussprüfung bestanden am', 'date', ['Prüfung bestanden', 'Abschluss am']),
  ],
  sessions: [
    f('formerNumber', 'Bisherige Fallnummer', 'text', ['Fallnummer', 'Fall-Nr.', 'Fallnr', 'Aktenzeichen', 'Nr.', 'ID', 'Kennung'], { required: true }),
    f('date', 'Datum', 'date', ['Termin', 'Am'], { required: true }),
    f('kind', 'Art', 'enum', ['Terminart', 'Gesprächsart'], { values: SESSION_KIND_NAMES, required: true }),
    f('minutes', 'Minuten', 'integer', ['Dauer', 'Dauer (Minuten)', 'Min.'], { required: true }),
    f('notes', 'Notizen', 'text', ['Vermerk', 'Inhalt', 'Bemerkung']),
    f('nextSteps', 'Nächste Schritte', 'text', ['Vereinbarungen', 'Absprachen']),
    f('followUp', 'Wiedervorlage', 'date', ['Wiedervorlage am', 'WV']),
    f('followUpDone', 'Wiedervorlage erledigt', 'boolean', ['WV erledigt', 'Erledigt']),
  ],
  modules: [
    f('formerNumber', 'Bisherige Fallnummer', 'text', ['Fallnummer', 'Fall-Nr.', 'Fallnr', 'Aktenzeichen', 'Nr.', 'ID', 'Kennung'], { required: true }),
    f('title', 'Titel', 'text', ['Baustein', 'Modul', 'Bezeichnung'], { required: true }),
    f('kind', 'Art', 'enum', ['Bausteinart', 'Modulart'], { values: MODULE_KIND_NAMES }),
    f('providerName', 'Bildungsträger', 'text', ['Träger', 'Anbieter']),
    f('venueCompany', 'Lernort', 'text', ['Betrieb', 'Praxisbetrieb']),
    f('startDate', 'Beginn', 'date', ['Start', 'Von']),
    f('endDate', 'Ende', 'date', ['Bis']),
    f('hours', 'Stunden', 'integer', ['Umfang', 'Umfang (Stunden)', 'Std.', 'UE'], { required: true }),
    f('status', 'Status', 'enum', ['Stand'], { values: MODULE_STATUS_NAMES }),
    f('certificateDate', 'Zertifikat am', 'date', ['Zertifikat', 'Nachweis am', 'Abgeschlossen am']),
  ],
};

/** A head or a word as compared: lower case, umlauts and ß spelled out, only letters and digits. */
export const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');

/** The field a file's column head most likely means (undefined: none). */
export function suggestField(sheet: ImportSheet, header: string): string | undefined {
  const h = fold(header);
  if (!h) return undefined;
  return IMPORT_FIELDS[sheet].find((x) => x.field.toLowerCase() === h || fold(x.header) === h || x.aliases.some((a) => fold(a) === h))?.field;
}

/** A mapping of a file's heads to fields: each field taken by the first head that means it. */
export function suggestMapping(sheet: ImportSheet, headers: string[]): Record<string, string> {
  const taken = new Set<string>();
  const out: Record<string, string> = {};
  for (const header of headers) {
    const field = suggestField(sheet, header);
    if (field && !taken.has(field)) {
      taken.add(field);
      out[header] = field;
    }
  }
  return out;
}

export type Cell = string | number | boolean;
export type Read<T> = { value: T } | { reason: string };

/** A day as an old database writes it: 15.01.2027, 15.1.2027, 2027-01-15 (a spreadsheet's date cell), a number of days since 1899-12-30 (Excel). */
export function readDate(cell: Cell): Read<string> {
  const text = String(cell).trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (german) [y, m, d] = [Number(german[3]), Number(german[2]), Number(german[1])];
  else if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 80_000) {
    const day = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else if (/^\d{1,2}\.\d{1,2}\.\d{2}$/.test(text)) return { reason: 'das Jahr bitte vierstellig (TT.MM.JJJJ)' };
  else return { reason: 'kein Datum (TT.MM.JJJJ)' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return { reason: 'kein gültiges Datum' };
  return { value: date.toISOString().slice(0, 10) };
}

/** A whole number, also "1.200" or "90,0" as German spreadsheets write them. */
export function readInteger(cell: Cell): Read<number> {
  if (typeof cell === 'number') return Number.isInteger(cell) ? { value: cell } : { reason: 'keine ganze Zahl' };
  const text = String(cell).trim().replace(/\s/g, '');
  const normalised = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text.replace(',', '.');
  const n = Number(normalised);
  if (!/^-?\d+(\.\d+)?$/.test(normalised) || !Number.isFinite(n)) return { reason: 'keine Zahl' };
  return Number.isInteger(n) ? { value: n } : { reason: 'keine ganze Zahl' };
}

const TRUE = new Set(['ja', 'j', 'x', '1', 'wahr', 'true', 'yes', 'vorhanden']);
const FALSE = new Set(['nein', 'n', '0', 'falsch', 'false', 'no', '-', 'keiner', 'keine']);

export function readBoolean(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return { value: cell };
  const text = String(cell).trim().toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { reason: '„ja“ oder „nein“ erwartet' };
}

/** The words an enum field's value is known by, folded: its code, its German word (also without the part in brackets), and the extra words. */
function wordsOf(field: ImportField): Map<string, string> {
  const words = new Map<string, string>();
  for (const [code, label] of Object.entries(field.values ?? {})) {
    for (const w of [code, label, label.replace(/\s*\(.*\)\s*$/, ''), ...(EXTRA_WORDS[field.field]?.[code] ?? [])]) words.set(fold(w) || w, code);
  }
  return words;
}

const WORDS = new Map<ImportField, Map<string, string>>();
const wordMap = (field: ImportField) => WORDS.get(field) ?? WORDS.set(field, wordsOf(field)).get(field)!;

/** An enum's code from its code or German word. */
export function readEnum(field: ImportField, cell: Cell): Read<string> {
  const text = String(cell).trim();
  const code = wordMap(field).get(fold(text) || text);
  if (code) return { value: code };
  const known = Object.values(field.values ?? {})
    .map((v) => `„${v}“`)
    .join(', ');
  return { reason: `unbekannter Wert „${text.slice(0, 40)}“ (möglich: ${known})` };
}

/** Consent scopes, separated by commas, semicolons or slashes. */
export function readScopes(field: ImportField, cell: Cell): Read<string[]> {
  const parts = String(cell)
    .split(/[,;/+]|\bund\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const read = readEnum(field, part);
    if ('reason' in read) return read;
    if (!out.includes(read.value)) out.push(read.value);
  }
  return { value: out };
}

/** The most rows each table of one import takes, and the most sessions and modules one case brings (one transaction). */
export const CASE_IMPORT_LIMITS = {
  cases: 2000,
  sessions: 20_000,
  modules: 10_000,
  sessionsPerCase: 60,
  modulesPerCase: 25,
  /** What one case with its sessions and modules may weigh: it is staged as one item (DynamoDB's limit is 400 KB). */
  kilobytesPerCase: 300,
} as const;
