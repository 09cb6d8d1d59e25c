// Select choices for group measures, from the shared enums.
import { ADMISSIONS, RESULTS } from '#shared/cases/schema.ts';
import { MEASURE_STATES, STEP_KINDS } from '#shared/measures/schema.ts';
import { choices } from '../format.ts';

export const stateChoices = choices(MEASURE_STATES, 'amon.measures.states');
export const stepChoices = choices(STEP_KINDS, 'amon.measures.steps');
export const admissionChoices = choices(ADMISSIONS, 'amon.measures.admissions');
export const resultChoices = choices(RESULTS, 'amon.measures.results');
export { moduleKindChoices } from '../cases/choices.ts';
