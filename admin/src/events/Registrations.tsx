// An event's registrations in the order they came (the waiting list among them): add a person, cancel one (the first
// waiting moves up), and tick who attended from the day of the event on.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Checkbox, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { Event, Registration, RegistrationState } from '#shared/events/schema.ts';
import { useCommand } from '../data/commands.ts';
import { CursorTable, type CursorColumn } from '../data/CursorTable.tsx';
import { formatDateTime } from '../format.ts';
import { AddRegistration } from './AddRegistration.tsx';
import { berlinNow } from './state.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

export function Registrations({ event }: { event: Event }) {
  const t = useTranslate();
  const command = useCommand();
  const [state, setState] = useState<RegistrationState | 'all'>('all');
  const [changes, setChanges] = useState(0);
  const reload = () => setChanges((n) => n + 1);
  const attendanceOpen = !event.cancelledAt && berlinNow().slice(0, 10) >= event.startsAt.slice(0, 10);
  const open = !event.cancelledAt && event.startsAt > berlinNow();
  const extraFields = event.fields.filter((f) => f !== 'phone');

  const setAttended = async (r: Registration, attended: boolean) => {
    const outcome = await command(
      'PUT',
      `/api/events/${event.id}/attendance`,
      attended ? { attended: [r.id] } : { attended: [], absent: [r.id] },
      'amon.events.attendance_saved',
    );
    if (outcome.ok) reload();
  };

  const columns: CursorColumn<Registration>[] = [
    { header: t('resources.events.fields.name'), cell: (r) => r.name ?? '–' },
    { header: t('resources.events.fields.organisation'), cell: (r) => r.organisation ?? '' },
    { header: t('resources.events.fields.email'), cell: (r) => r.email ?? '' },
    ...(event.fields.includes('phone') ? [{ header: t('resources.events.fields.phone'), cell: (r: Registration) => r.phone ?? '' }] : []),
    ...extraFields.map((f) => ({ header: t(`resources.events.fields.${f}`), cell: (r: Registration) => r[f] ?? '' })),
    {
      header: t('resources.events.fields.state'),
      // The list is in arrival order, so the waiting list reads top down: the first waiting row moves up next.
      cell: (r) => (
        <Box>
          <Typography variant="body2">{t(`amon.registration_states.${r.state}`)}</Typography>
          <Typography variant="caption" color="text.secondary">
            {r.movedUpAt
              ? t('amon.events.moved_up', { date: formatDateTime(r.movedUpAt) })
              : r.addedBy
                ? t('amon.events.added_by', { email: r.addedBy })
                : formatDateTime(r.createdAt)}
          </Typography>
        </Box>
      ),
    },
    {
      header: t('amon.events.attendance'),
      cell: (r) =>
        r.state === 'registered' ? (
          <Checkbox
            checked={Boolean(r.attended)}
            disabled={!attendanceOpen}
            onChange={(_, checked) => void setAttended(r, checked)}
            slotProps={{ input: { 'aria-label': t('amon.events.attendance_label', { name: r.name ?? '' }) } }}
          />
        ) : null,
    },
    {
      header: '',
      cell: (r) =>
        r.state !== 'cancelled' && open ? (
          <ConfirmButton
            label={t('amon.events.cancel_registration')}
            ariaLabel={t('amon.events.cancel_registration_label', { name: r.name ?? '' })}
            title={t('amon.events.cancel_registration')}
            content={t('amon.events.cancel_registration_confirm', { name: r.name ?? '' })}
            onConfirm={async () => {
              const outcome = await command('POST', `/api/events/${event.id}/registrations/${r.id}/cancel`, undefined, 'amon.events.registration_cancelled');
              if (outcome.ok) reload();
            }}
          />
        ) : null,
    },
  ];

  return (
    <Box component="section" aria-labelledby="registrations-title" sx={{ mt: 3 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1 }}>
        <Typography id="registrations-title" variant="h6" component="h2">
          {t('amon.events.registrations')}
        </Typography>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={state}
            onChange={(_, v: RegistrationState | 'all' | null) => v && setState(v)}
            aria-label={t('resources.events.fields.state')}
          >
            <ToggleButton value="all">{t('amon.events.filter_all')}</ToggleButton>
            <ToggleButton value="registered">{t('amon.registration_states.registered')}</ToggleButton>
            <ToggleButton value="waiting">{t('amon.registration_states.waiting')}</ToggleButton>
            <ToggleButton value="cancelled">{t('amon.registration_states.cancelled')}</ToggleButton>
          </ToggleButtonGroup>
          {open && <AddRegistration event={event} onAdded={reload} />}
        </Stack>
      </Stack>
      {!attendanceOpen && !event.cancelledAt && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('amon.events.attendance_from')}
        </Typography>
      )}
      {/* Many columns: the table scrolls sideways on a narrow screen instead of pushing the page wider. */}
      <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
        <CursorTable<Registration>
          path={`/api/events/${event.id}/registrations`}
          params={{ limit: '100', ...(state === 'all' ? {} : { state }) }}
          columns={columns}
          label={t('amon.events.registrations_label')}
          empty={t('amon.events.registrations_empty')}
          rowKey={(r) => r.id}
          reloadOn={[changes, event.version, event.registered, event.waiting]}
          rowProps={(r) => ({ 'data-state': r.state })}
        />
      </Box>
    </Box>
  );
}
