// An event's page: its facts and figures, the link to its registration page, its mails as jobs, the documents for the
// day (attendance list, certificates), calling it off, and the registrations with the waiting list.
import { EditButton, Show, TopToolbar, usePermissions, useRecordContext, useTranslate, useNotify } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { Event } from '#shared/events/schema.ts';
import { canEdit } from '../auth/permissions.ts';
import { useCommand, useDownload } from '../data/commands.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { JobsPanel } from '../jobs/JobsPanel.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { EventStateChip } from './EventList.tsx';
import { Registrations } from './Registrations.tsx';
import { berlinNow, eventWhen } from './state.ts';

/** The registration page's address; a partners-only event's carries its key. */
const publicLink = (e: Event) => `${location.origin}/veranstaltungen/?id=${e.id}${e.audience === 'partners' && e.partnerKey ? `&k=${e.partnerKey}` : ''}`;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="body1" component="div">
        {children}
      </Typography>
    </Box>
  );
}

function EventActions() {
  const e = useRecordContext<Event>();
  const t = useTranslate();
  const command = useCommand();
  const download = useDownload();
  if (!e) return null;
  const hasPeople = !e.purgedAt && e.registered + e.waiting > 0;
  const attended = !e.purgedAt && e.attended > 0;
  return (
    <TopToolbar>
      {!e.cancelledAt && <EditButton />}
      {hasPeople && (
        <Button size="small" onClick={() => void download(`/api/events/${e.id}/attendance-list/pdf`, 'teilnahmeliste.pdf')}>
          {t('amon.events.attendance_list')}
        </Button>
      )}
      {attended && (
        <Button size="small" onClick={() => void download(`/api/events/${e.id}/certificates/pdf`, 'teilnahmebescheinigungen.pdf')}>
          {t('amon.events.certificates')}
        </Button>
      )}
      {!e.cancelledAt && e.endsAt > berlinNow() && (
        <ConfirmButton
          variant="outlined"
          label={t('amon.events.cancel_event')}
          title={t('amon.events.cancel_event')}
          content={t('amon.events.cancel_event_confirm', { title: e.title })}
          onConfirm={async () => void (await command('POST', `/api/events/${e.id}/cancel`, { version: e.version }, 'amon.events.event_cancelled'))}
        />
      )}
    </TopToolbar>
  );
}

function EventDetails() {
  const e = useRecordContext<Event>();
  const t = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<string[]>();
  if (!e) return null;
  const link = publicLink(e);
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="overline" component="p">
          {t(`amon.event_kinds.${e.kind}`)}
        </Typography>
        <EventStateChip event={e} />
      </Stack>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {e.title}
      </Typography>
      {e.cancelledAt && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('amon.events.cancelled_on', { date: formatDateTime(e.cancelledAt) })}
        </Alert>
      )}
      {e.purgedAt && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('amon.events.purged', { date: formatDateTime(e.purgedAt) })}
        </Alert>
      )}
      <Card variant="outlined">
        <CardContent>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' } }}>
            <Fact label={t('resources.events.fields.when')}>{eventWhen(e)}</Fact>
            <Fact label={t('resources.events.fields.place')}>{[e.place, e.onlineUrl].filter(Boolean).join(' · ') || '–'}</Fact>
            <Fact label={t('resources.events.fields.registrationDeadline')}>{formatDate(e.registrationDeadline)}</Fact>
            <Fact label={t('resources.events.fields.seats')}>{t('amon.events.seats', { registered: e.registered, capacity: e.capacity })}</Fact>
            <Fact label={t('amon.registration_states.waiting')}>
              {e.waiting ? t('amon.events.waiting', { smart_count: e.waiting }) : t('amon.events.waiting_none')}
            </Fact>
            <Fact label={t('amon.events.attendance')}>{e.attended ? t('amon.events.attended', { smart_count: e.attended }) : '–'}</Fact>
            <Fact label={t('resources.events.fields.audience')}>{t(`amon.event_audiences.${e.audience}`)}</Fact>
            <Fact label={t('resources.events.fields.fields')}>{e.fields.map((f) => t(`amon.event_fields.${f}`)).join(', ') || '–'}</Fact>
          </Box>
          {e.description && (
            <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre-line' }}>
              {e.description}
            </Typography>
          )}
        </CardContent>
      </Card>
      {!e.cancelledAt && e.startsAt > berlinNow() && (
        <Box sx={{ mt: 2 }}>
          {e.published ? (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
              <Typography variant="body2">{t(e.audience === 'partners' ? 'amon.events.partner_link' : 'amon.events.public_link')}:</Typography>
              <Typography variant="body2" component="a" href={link} target="_blank" rel="noopener" sx={{ wordBreak: 'break-all' }}>
                {link}
              </Typography>
              <Button size="small" onClick={() => void navigator.clipboard?.writeText(link).then(() => notify('amon.events.copied', { type: 'info' }))}>
                {t('amon.events.copy')}
              </Button>
            </Stack>
          ) : (
            <Alert severity="info">{t('amon.events.draft_hint')}</Alert>
          )}
        </Box>
      )}
      {/* Each registration's own mail is a job of one; the panel follows the mails of a call-off to everyone. */}
      {canEdit(permissions) && e.cancelledAt && <JobsPanel subject={{ type: 'event', id: e.id }} />}
      {!e.purgedAt && <Registrations event={e} />}
    </Box>
  );
}

export default function EventShow() {
  return (
    <Show actions={<EventActions />}>
      <EventDetails />
    </Show>
  );
}
