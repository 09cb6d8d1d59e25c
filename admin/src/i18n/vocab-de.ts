// German names of the choice vocabularies the screens show (kinds, states, timeframes …), read as amon.vocab.<name>.<code>.
import { MATCH_STATE_LABELS } from '#shared/matching/lifecycle.ts';

export const vocabGerman = {
  campaign_kinds: { qualificationNeeds: 'Qualifizierungsbedarf', migrantEmployment: 'Beschäftigung von Zugewanderten', custom: 'Eigene Umfrage' },
  campaign_status: { draft: 'Entwurf', open: 'offen', closed: 'geschlossen' },
  invitation_states: { created: 'angelegt', sent: 'versendet', opened: 'geöffnet', draft: 'Entwurf gespeichert', submitted: 'beantwortet' },
  question_types: {
    single: 'Einfachauswahl',
    multiple: 'Mehrfachauswahl',
    number: 'Zahl (mit Min/Max)',
    scale: 'Skala 1–5',
    text: 'Freitext (mit Höchstlänge)',
    occupations: 'Berufe und Anzahl',
  },
  timeframes: { now: 'sofort', within6Months: 'in 6 Monaten', within12Months: 'in 12 Monaten', later: 'später' },
  /** The same names the server writes into the timeline and the notes (shared/matching/lifecycle.ts). */
  match_states: MATCH_STATE_LABELS,
  /** The button text of a move to a state. */
  match_moves: {
    proposed: 'Vorschlagen',
    contacted: 'Betrieb kontaktiert',
    trial: 'Probearbeit / Lernort',
    hired: 'Eingestellt',
    declined: 'Abgesagt',
    withdrawn: 'Zurückgezogen',
  },
  trial_kinds: { trial: 'Probearbeit', learning_venue: 'Lernort (Qualifizierung im Betrieb)' },
  declined_by: { company: 'vom Betrieb', participant: 'von der Person', counsellor: 'von der Beratung' },
  match_stages: { counselling: 'Beratung', plan: 'Qualifizierungsplan', qualification: 'Qualifizierung' },
  score_components: { occupation: 'Beruf', reach: 'Erreichbarkeit', timeframe: 'Zeitraum', conditions: 'Bedingungen' },
  meeting_kinds: { steering_committee: 'Lenkungskreis', working_meeting: 'Arbeitstreffen NQ-Netz', conference: 'Konferenz', workshop: 'Workshop' },
  attendance: { present: 'anwesend', excused: 'entschuldigt', absent: 'unentschuldigt' },
  action_states: { open: 'offen', done: 'erledigt' },
  need_status: { open: 'offen', filled: 'besetzt', withdrawn: 'zurückgezogen' },
  need_sources: { survey: 'Befragung', manual: 'von Hand erfasst' },
  size_classes: { '1-9': '1-9 Beschäftigte', '10-49': '10-49 Beschäftigte', '50-249': '50-249 Beschäftigte', '250+': '250+ Beschäftigte' },
  chambers: { ihk: 'IHK', hwk: 'HWK', other: 'andere' },
  need_conditions: {
    part_time: 'Teilzeit möglich',
    low_skilled: 'qualifiziert Geringqualifizierte (Lernort)',
    migrant: 'offen für Menschen mit Migrationsgeschichte',
    german: 'Deutsch %{level}',
  },
  weekdays_short: { 0: 'So', 1: 'Mo', 2: 'Di', 3: 'Mi', 4: 'Do', 5: 'Fr', 6: 'Sa' },
  delivery_status: { claimed: 'in Arbeit oder unklar', sent: 'versendet', failed: 'fehlgeschlagen' },
};
