// German names of match states, trial kinds and who declined.
import { MATCH_STATES, type MatchState } from '#shared/matching/schema.ts';
import { MATCH_STATE_LABELS, NEXT } from '#shared/matching/lifecycle.ts';

export { MATCH_STATE_LABELS, NEXT };
export const matchStateChoices = MATCH_STATES.map((id) => ({ id, name: MATCH_STATE_LABELS[id] }));
export const TRIAL_KIND_NAMES = { trial: 'Probearbeit', learning_venue: 'Lernort (Qualifizierung im Betrieb)' } as const;
export const DECLINED_BY_NAMES = { company: 'vom Betrieb', participant: 'von der Person', counsellor: 'von der Beratung' } as const;
export const STAGE_NAMES = { counselling: 'Beratung', plan: 'Qualifizierungsplan', qualification: 'Qualifizierung' } as const;

/** The button text of a move to a state. */
export const MOVE_LABELS: Record<MatchState, string> = {
  proposed: 'Vorschlagen',
  contacted: 'Betrieb kontaktiert',
  trial: 'Probearbeit / Lernort',
  hired: 'Eingestellt',
  declined: 'Abgesagt',
  withdrawn: 'Zurückgezogen',
};
