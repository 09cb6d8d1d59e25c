// The form's own words in German and English (question texts come from the campaign).
export type Lang = 'de' | 'en';

const de = {
  language: 'English',
  languageLabel: 'Switch to English',
  loading: 'Die Befragung wird geladen …',
  badLink: 'Dieser Link ist nicht gültig. Bitte verwenden Sie den Link aus Ihrer Einladung oder wenden Sie sich an das Projektteam.',
  forCompany: 'Für',
  until: 'Sie können Ihre Antworten bis zum %s ändern.',
  closed: 'Die Befragung ist beendet. Ihre Antworten sind unten zu sehen, können aber nicht mehr geändert werden.',
  notYet: 'Die Befragung beginnt am %s. Bitte öffnen Sie den Link dann erneut.',
  required: 'Pflichtfrage',
  requiredMark: '(Pflicht)',
  saveDraft: 'Entwurf speichern',
  submit: 'Antworten absenden',
  resubmit: 'Änderungen absenden',
  draftSaved: 'Entwurf gespeichert (%s). Sie können später mit demselben Link weitermachen.',
  submitted: 'Vielen Dank! Ihre Antworten sind eingegangen (%s). Bis zum Ende der Befragung können Sie sie noch ändern.',
  fixErrors: 'Bitte prüfen Sie die markierten Antworten.',
  restored: 'Ihre noch nicht gespeicherten Antworten vom %s sind wiederhergestellt. Speichern Sie den Entwurf oder senden Sie sie ab, damit sie ankommen.',
  networkError: 'Die Verbindung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
  tooMany: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
  scaleLow: 'sehr gering',
  scaleHigh: 'sehr hoch',
  occupation: 'Beruf',
  choose: 'Bitte wählen',
  headcount: 'Anzahl Personen',
  timeframe: 'Zeitraum',
  lowSkilled: 'Würde eine Person ohne Berufsabschluss qualifizieren',
  migrant: 'Würde eine Person mit Migrationsgeschichte beschäftigen',
  addRow: 'Beruf hinzufügen',
  removeRow: 'Diesen Beruf entfernen',
  row: 'Beruf %s',
  charactersLeft: 'noch %s Zeichen',
  timeframes: { now: 'sofort', within6Months: 'in 6 Monaten', within12Months: 'in 12 Monaten', later: 'später' },
  unit: 'Einheit',
};
type Texts = typeof de;

const en: Texts = {
  language: 'Deutsch',
  languageLabel: 'Auf Deutsch umschalten',
  loading: 'Loading the survey …',
  badLink: 'This link is not valid. Please use the link from your invitation or contact the project team.',
  forCompany: 'For',
  until: 'You can change your answers until %s.',
  closed: 'The survey has ended. Your answers are shown below but can no longer be changed.',
  notYet: 'The survey starts on %s. Please open the link again then.',
  required: 'Required',
  requiredMark: '(required)',
  saveDraft: 'Save draft',
  submit: 'Submit answers',
  resubmit: 'Submit changes',
  draftSaved: 'Draft saved (%s). You can continue later with the same link.',
  submitted: 'Thank you! Your answers have arrived (%s). You can still change them until the survey ends.',
  fixErrors: 'Please check the marked answers.',
  restored: 'Your unsaved answers from %s are restored. Save the draft or send them so that they arrive.',
  networkError: 'The connection failed. Please try again.',
  tooMany: 'Too many requests. Please wait a moment.',
  scaleLow: 'very low',
  scaleHigh: 'very high',
  occupation: 'Occupation',
  choose: 'Please choose',
  headcount: 'Number of people',
  timeframe: 'Timeframe',
  lowSkilled: 'Would qualify a person without a vocational qualification',
  migrant: 'Would employ a person with a migration background',
  addRow: 'Add occupation',
  removeRow: 'Remove this occupation',
  row: 'Occupation %s',
  charactersLeft: '%s characters left',
  timeframes: { now: 'now', within6Months: 'within 6 months', within12Months: 'within 12 months', later: 'later' },
  unit: 'Unit',
};

export const TEXTS: Record<Lang, Texts> = { de, en };
export const fill = (template: string, value: string | number) => template.replace('%s', String(value));

/** "2026-12-15" as 15.12.2026 (de) or 15 Dec 2026 (en); instants in Europe/Berlin. */
export function formatDate(iso: string, lang: Lang): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  const opts: Intl.DateTimeFormatOptions =
    iso.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' };
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', opts).format(date);
}
