// The German words of the case vocabularies: the admin's catalogue shows them, and the case import reads them back
// from an old database's spreadsheet (one definition for both).
import type { CEFR, CONSENT_SCOPES, GENDERS, MIGRATION, MODULE_KINDS, MODULE_STATUSES, REGISTRATIONS, SCHOOL_CERTIFICATES, SESSION_KINDS } from './schema.ts';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const GENDER_NAMES: Labels<typeof GENDERS> = { female: 'weiblich', male: 'männlich', diverse: 'divers', not_stated: 'keine Angabe' };
export const MIGRATION_NAMES: Labels<typeof MIGRATION> = { yes: 'ja', no: 'nein', not_stated: 'keine Angabe' };
export const CEFR_NAMES: Labels<typeof CEFR> = { none: 'keine', A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2', native: 'Muttersprache' };
export const SCHOOL_NAMES: Labels<typeof SCHOOL_CERTIFICATES> = {
  none: 'ohne Abschluss',
  berufsreife: 'Berufsreife',
  mittlere_reife: 'Mittlere Reife',
  fachhochschulreife: 'Fachhochschulreife',
  abitur: 'Abitur',
  foreign_recognised: 'ausländischer Abschluss (anerkannt)',
  foreign_not_recognised: 'ausländischer Abschluss (nicht anerkannt)',
};
export const REGISTRATION_NAMES: Labels<typeof REGISTRATIONS> = { job_agency: 'Agentur für Arbeit', job_centre: 'Jobcenter', none: 'nicht gemeldet' };
export const CONSENT_SCOPE_NAMES: Labels<typeof CONSENT_SCOPES> = {
  counselling: 'Beratung',
  share_with_partners: 'Weitergabe an Netzwerkpartner',
  job_placement: 'Vermittlung an Betriebe',
};
export const SESSION_KIND_NAMES: Labels<typeof SESSION_KINDS> = {
  first_talk: 'Erstgespräch',
  counselling: 'Beratung',
  competence_assessment: 'Kompetenzfeststellung',
  coaching: 'Coaching',
};
export const MODULE_KIND_NAMES: Labels<typeof MODULE_KINDS> = {
  qualification_module: 'Qualifizierungsbaustein (140–420 Std.)',
  training_module: 'Ausbildungsbaustein',
  adaptation: 'Anpassungsqualifizierung',
  exam_preparation: 'Prüfungsvorbereitung',
};
export const MODULE_STATUS_NAMES: Labels<typeof MODULE_STATUSES> = { planned: 'geplant', running: 'läuft', completed: 'abgeschlossen', dropped: 'abgebrochen' };
