// A meeting's status as staff read it: planned, invited, held (with how many partners came) or called off.
import type { Meeting } from '#shared/meetings/schema.ts';
import { berlinWall } from '#shared/time.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function meetingStatus(m: Meeting, t: Translate, now = new Date()): string {
  if (m.cancelledAt) return t('amon.meeting_status.cancelled');
  if (m.endsAt < berlinWall(now)) {
    const recorded = m.invitees.filter((i) => i.attendance);
    if (!recorded.length) return t('amon.meeting_status.held');
    const present = recorded.filter((i) => i.attendance === 'present').length;
    return present ? t('amon.meeting_status.held_with', { smart_count: present }) : t('amon.meeting_status.held_none');
  }
  return m.invitationsSentAt ? t('amon.meeting_status.invited') : t('amon.meeting_status.planned');
}
