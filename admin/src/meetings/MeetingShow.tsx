// The meetings page view.
import { meetingStatus } from './status.ts';
import { berlinWall } from '#shared/time.ts';
import { EditButton, FunctionField, Show, TabbedShowLayout, TextField, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { type Meeting } from '#shared/meetings/schema.ts';
import { canEdit } from '../auth/permissions.ts';
import { wallTime } from './choices.ts';
import { ActionsPanel, AttendancePanel, MeetingCommands } from './panels.tsx';
import { RecordJobs } from '../jobs/JobsPanel.tsx';

function ShowActions() {
  const m = useRecordContext<Meeting>();
  const { permissions } = usePermissions<string[]>();
  if (!m || !canEdit(permissions)) return <TopToolbar />;
  return (
    <TopToolbar>
      <MeetingCommands />
      {!m.cancelledAt && <EditButton />}
    </TopToolbar>
  );
}

export default function MeetingShow() {
  const t = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="amon.ui.meetings.ueberblick">
          <RecordJobs type="meeting" />
          <TextField source="title" />
          <FunctionField source="kind" render={(m: Meeting) => t(`amon.vocab.meeting_kinds.${m.kind}`)} />
          <FunctionField label="amon.ui.meetings.wann" render={(m: Meeting) => `${wallTime(t, m.startsAt)} – ${m.endsAt.slice(11, 16)} Uhr`} />
          <TextField source="place" emptyText="–" />
          <TextField source="onlineUrl" emptyText="–" />
          <FunctionField
            label="amon.ui.meetings.status"
            render={(m: Meeting) => {
              const status = meetingStatus(m, t);
              return m.invitationsSentAt && !m.cancelledAt && m.endsAt >= berlinWall(new Date())
                ? `${status} (${t('amon.meeting_status.calendar_version', { version: m.sequence + 1 })})`
                : status;
            }}
          />
          <FunctionField
            label="amon.ui.meetings.tagesordnung"
            render={(m: Meeting) =>
              m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}${a.minutes ? ` – ${a.minutes} Min.` : ''}`).join('\n') ||
              '–'
            }
            sx={{ whiteSpace: 'pre-line' }}
          />
          <FunctionField label="amon.ui.meetings.eingeladen_2" render={(m: Meeting) => m.invitees.map((i) => i.name).join(', ') || '–'} />
          <TextField source="minutes" emptyText="–" sx={{ whiteSpace: 'pre-line' }} />
          <FunctionField source="decisions" render={(m: Meeting) => m.decisions.map((d) => `• ${d}`).join('\n') || '–'} sx={{ whiteSpace: 'pre-line' }} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.meetings.anwesenheit" path="anwesenheit">
          <AttendancePanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="amon.ui.meetings.aufgaben" path="aufgaben">
          <ActionsPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
