// Choices of the matching screens; the names of states, moves, trial kinds and who declined are catalogue texts.
import { MATCH_STATES } from '#shared/matching/schema.ts';
import { NEXT } from '#shared/matching/lifecycle.ts';
import { choices } from '../format.ts';

export { NEXT };
export const matchStateChoices = choices(MATCH_STATES, 'amon.vocab.match_states');
export const TRIAL_KINDS = ['trial', 'learning_venue'] as const;
export const DECLINED_BY = ['company', 'participant', 'counsellor'] as const;
