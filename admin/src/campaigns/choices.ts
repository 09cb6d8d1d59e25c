// Choice lists of the campaign screens, in the order staff expect them; their names are catalogue texts.
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, INVITATION_STATES } from '#shared/surveys/schema.ts';
import { QUESTION_TYPES, TIMEFRAMES } from '#shared/surveys/questions.ts';
import { choices } from '../format.ts';

export const kindChoices = choices(CAMPAIGN_KINDS, 'amon.vocab.campaign_kinds');
export const statusChoices = choices(CAMPAIGN_STATUSES, 'amon.vocab.campaign_status');
export const stateChoices = choices(INVITATION_STATES, 'amon.vocab.invitation_states');
export const typeChoices = choices(QUESTION_TYPES, 'amon.vocab.question_types');
export const timeframeChoices = choices(TIMEFRAMES, 'amon.vocab.timeframes');
