// Choice lists of the campaign screens, in the order staff expect them.
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, INVITATION_STATES } from '#shared/surveys/schema.ts';
import { QUESTION_TYPES, TIMEFRAMES } from '#shared/surveys/questions.ts';

export const KIND_NAMES: Record<(typeof CAMPAIGN_KINDS)[number], string> = {
  qualificationNeeds: 'Qualifizierungsbedarf',
  migrantEmployment: 'Beschäftigung von Zugewanderten',
  custom: 'Eigene Umfrage',
};
export const STATUS_NAMES: Record<(typeof CAMPAIGN_STATUSES)[number], string> = { draft: 'Entwurf', open: 'offen', closed: 'geschlossen' };
export const STATE_NAMES: Record<(typeof INVITATION_STATES)[number], string> = {
  created: 'angelegt',
  sent: 'versendet',
  opened: 'geöffnet',
  draft: 'Entwurf gespeichert',
  submitted: 'beantwortet',
};
export const TYPE_NAMES: Record<(typeof QUESTION_TYPES)[number], string> = {
  single: 'Einfachauswahl',
  multiple: 'Mehrfachauswahl',
  number: 'Zahl (mit Min/Max)',
  scale: 'Skala 1–5',
  text: 'Freitext (mit Höchstlänge)',
  occupations: 'Berufe und Anzahl',
};
export const TIMEFRAME_NAMES: Record<(typeof TIMEFRAMES)[number], string> = {
  now: 'sofort',
  within6Months: 'in 6 Monaten',
  within12Months: 'in 12 Monaten',
  later: 'später',
};

const toChoices = (names: Record<string, string>) => Object.entries(names).map(([id, name]) => ({ id, name }));
export const kindChoices = toChoices(KIND_NAMES);
export const statusChoices = toChoices(STATUS_NAMES);
export const stateChoices = toChoices(STATE_NAMES);
export const typeChoices = toChoices(TYPE_NAMES);
