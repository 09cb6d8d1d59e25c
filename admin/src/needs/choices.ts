// Choices of the needs screens; the names are catalogue texts.
import { NEED_STATUSES } from '#shared/needs/schema.ts';
import { choices } from '../format.ts';
export { timeframeChoices } from '../campaigns/choices.ts';

export const needStatusChoices = choices(NEED_STATUSES, 'amon.vocab.need_status');

/** The conditions of a need as short phrases from the catalogue. */
export function conditionPhrases(
  t: (key: string, options?: Record<string, unknown>) => string,
  c: { partTime: boolean; lowSkilled: boolean; migrant: boolean; germanLevel?: string },
): string[] {
  return [
    ...(c.partTime ? [t('amon.vocab.need_conditions.part_time')] : []),
    ...(c.lowSkilled ? [t('amon.vocab.need_conditions.low_skilled')] : []),
    ...(c.migrant ? [t('amon.vocab.need_conditions.migrant')] : []),
    ...(c.germanLevel ? [t('amon.vocab.need_conditions.german', { level: c.germanLevel })] : []),
  ];
}
