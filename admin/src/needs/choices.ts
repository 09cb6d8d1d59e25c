// German names and choices of the needs screens.
import { NEED_SOURCES, NEED_STATUSES, type NeedStatus } from '#shared/needs/schema.ts';
import { TIMEFRAMES } from '#shared/surveys/questions.ts';
import { TIMEFRAME_NAMES } from '../campaigns/choices.ts';

export const NEED_STATUS_NAMES: Record<NeedStatus, string> = { open: 'offen', filled: 'besetzt', withdrawn: 'zurückgezogen' };
export const SOURCE_NAMES: Record<(typeof NEED_SOURCES)[number], string> = { survey: 'Befragung', manual: 'von Hand erfasst' };

export const needStatusChoices = NEED_STATUSES.map((id) => ({ id, name: NEED_STATUS_NAMES[id] }));
export const timeframeChoices = TIMEFRAMES.map((id) => ({ id, name: TIMEFRAME_NAMES[id] }));
export { TIMEFRAME_NAMES };

/** The conditions of a need as short German phrases. */
export function conditionPhrases(c: { partTime: boolean; lowSkilled: boolean; migrant: boolean; germanLevel?: string }): string[] {
  return [
    ...(c.partTime ? ['Teilzeit möglich'] : []),
    ...(c.lowSkilled ? ['qualifiziert Geringqualifizierte (Lernort)'] : []),
    ...(c.migrant ? ['offen für Menschen mit Migrationsgeschichte'] : []),
    ...(c.germanLevel ? [`Deutsch ${c.germanLevel}`] : []),
  ];
}
