// Choice lists and names of the meeting screens; the names are catalogue texts.
import { ACTION_STATES, ATTENDANCE, MEETING_KINDS } from '#shared/meetings/schema.ts';
import { choices } from '../format.ts';

export const kindChoices = choices(MEETING_KINDS, 'amon.vocab.meeting_kinds');
export const attendanceChoices = choices(ATTENDANCE, 'amon.vocab.attendance');
export const actionStateChoices = choices(ACTION_STATES, 'amon.vocab.action_states');

/** "Mi, 09.12.2026, 10:00" from a Berlin wall time "2026-12-09T10:00" (the weekday from the catalogue). */
export function wallTime(t: (key: string) => string, wall: string): string {
  const [y, m, d] = wall.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = t(`amon.vocab.weekdays_short.${new Date(Date.UTC(y, m - 1, d)).getUTCDay()}`);
  return `${weekday}, ${wall.slice(8, 10)}.${wall.slice(5, 7)}.${wall.slice(0, 4)}, ${wall.slice(11, 16)}`;
}
