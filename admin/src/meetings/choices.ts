// Choice lists and names of the meeting screens.
import { ACTION_STATES, ATTENDANCE, MEETING_KINDS } from '#shared/meetings/schema.ts';

export const KIND_NAMES: Record<(typeof MEETING_KINDS)[number], string> = {
  steering_committee: 'Lenkungskreis',
  working_meeting: 'Arbeitstreffen NQ-Netz',
  conference: 'Konferenz',
  workshop: 'Workshop',
};
export const ATTENDANCE_NAMES: Record<(typeof ATTENDANCE)[number], string> = { present: 'anwesend', excused: 'entschuldigt', absent: 'unentschuldigt' };
export const ACTION_STATE_NAMES: Record<(typeof ACTION_STATES)[number], string> = { open: 'offen', done: 'erledigt' };

const toChoices = (names: Record<string, string>) => Object.entries(names).map(([id, name]) => ({ id, name }));
export const kindChoices = toChoices(KIND_NAMES);
export const attendanceChoices = toChoices(ATTENDANCE_NAMES);
export const actionStateChoices = toChoices(ACTION_STATE_NAMES);

/** "Mi, 09.12.2026, 10:00" from a Berlin wall time "2026-12-09T10:00". */
export function wallTime(wall: string): string {
  const [y, m, d] = wall.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${wall.slice(8, 10)}.${wall.slice(5, 7)}.${wall.slice(0, 4)}, ${wall.slice(11, 16)}`;
}
