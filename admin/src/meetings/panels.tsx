// The meeting page's working parts: sending invitations, attendance per invited member, and action items.
import { useState } from 'react';
import { Form, SaveButton, SelectInput, TextInput, useRecordContext, usePermissions, useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { ActionInput, type ActionItem, type Attendance, type Meeting } from '#shared/meetings/schema.ts';
import type { MeetingWithJob } from '#shared/meetings/domain.ts';
import { schemaResolver } from '../data/forms.ts';
import { useCommand } from '../data/commands.ts';
import { canEdit } from '../auth/permissions.ts';
import { attendanceChoices } from './choices.ts';

type MeetingView = Meeting & { actions: ActionItem[]; carriedOver: ActionItem[] };
const dateDe = (iso: string) => iso.split('-').reverse().join('.');

export function MeetingCommands() {
  const m = useRecordContext<MeetingView>();
  const command = useCommand();
  const t = useTranslate();
  const [series, setSeries] = useState(false);
  const [count, setCount] = useState('3');
  if (!m || m.cancelledAt) return null;
  return (
    <>
      <Button onClick={() => command<MeetingWithJob>('POST', `/api/meetings/${m.id}/invitations`, undefined, () => t('amon.jobs.meeting_inviting'))}>
        {m.invitationsSentAt ? t('amon.ui.meetings.erneut_einladen') : t('amon.ui.meetings.einladen')}
      </Button>
      <Button onClick={() => setSeries(true)}>{t('amon.ui.meetings.folgetermine_anlegen')}</Button>
      <Button
        color="error"
        onClick={() =>
          window.confirm('Das Treffen absagen? Eingeladene erhalten eine Absage.') &&
          command<MeetingWithJob>('POST', `/api/meetings/${m.id}/cancellation`, undefined, (r) =>
            t(r.jobId ? 'amon.jobs.meeting_cancelling' : 'amon.jobs.meeting_cancelled'),
          )
        }
      >
        {t('amon.ui.meetings.absagen')}
      </Button>
      <Dialog open={series} onClose={() => setSeries(false)} aria-labelledby="series-title">
        <DialogTitle id="series-title">{t('amon.ui.meetings.monatliche_folgetermine')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('amon.ui.meetings.gleicher_wochentag_im_monat_z_b_2')}
          </Typography>
          <TextField select label={t('amon.ui.meetings.anzahl')} value={count} onChange={(e) => setCount(e.target.value)} fullWidth>
            {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSeries(false)}>{t('amon.ui.meetings.abbrechen')}</Button>
          <Button
            onClick={async () =>
              (await command<Meeting[]>('POST', `/api/meetings/${m.id}/series`, { count: Number(count) }, (r) => `${r.length} Termine angelegt`)).ok &&
              setSeries(false)
            }
          >
            {t('amon.ui.meetings.anlegen')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export function AttendancePanel() {
  const t = useTranslate();
  const m = useRecordContext<MeetingView>();
  const { permissions } = usePermissions<string[]>();
  const command = useCommand();
  const [edits, setEdits] = useState<Record<string, Attendance>>({});
  if (!m) return null;
  if (!m.invitees.length) return <Typography>{t('amon.ui.meetings.niemand_eingeladen')}</Typography>;
  const started = new Date() >= new Date(m.startsAt);
  const entries = Object.entries(edits).map(([memberId, attendance]) => ({ memberId, attendance }));
  return (
    <Stack spacing={1}>
      {!started && <Typography color="text.secondary">{t('amon.ui.meetings.die_anwesenheit_laesst_sich_ab')}</Typography>}
      <Table size="small" aria-label={t('amon.ui.meetings.anwesenheit')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('amon.ui.meetings.netzwerkpartner')}</TableCell>
            <TableCell>{t('amon.ui.meetings.kontakte')}</TableCell>
            <TableCell>{t('amon.ui.meetings.anwesenheit')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {m.invitees.map((i) => (
            <TableRow key={i.memberId}>
              <TableCell>{i.name}</TableCell>
              <TableCell>{i.contacts.map((c) => c.name).join(', ') || '–'}</TableCell>
              <TableCell>
                {canEdit(permissions) && started ? (
                  <TextField
                    select
                    size="small"
                    label={t('amon.ui.meetings.anwesenheit_von', { name: i.name })}
                    value={edits[i.memberId] ?? i.attendance ?? ''}
                    onChange={(e) => setEdits({ ...edits, [i.memberId]: e.target.value as Attendance })}
                    sx={{ minWidth: 180 }}
                  >
                    {attendanceChoices.map((c) => (
                      <MenuItem key={c.id} value={c.id}>
                        {t(c.name)}
                      </MenuItem>
                    ))}
                  </TextField>
                ) : (
                  ((i.attendance && t(`amon.vocab.attendance.${i.attendance}`)) ?? '–')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canEdit(permissions) && started && (
        <Button
          variant="contained"
          disabled={!entries.length}
          sx={{ alignSelf: 'flex-start' }}
          onClick={async () =>
            (await command('PUT', `/api/meetings/${m.id}/attendance`, { version: m.version, entries }, 'amon.ui.meetings.anwesenheit_gespeichert')).ok &&
            setEdits({})
          }
        >
          {t('amon.ui.meetings.anwesenheit_speichern')}
        </Button>
      )}
    </Stack>
  );
}

function ActionTable({ items, label, meetingId }: { items: ActionItem[]; label: string; meetingId?: string }) {
  const t = useTranslate();
  const command = useCommand();
  const { permissions } = usePermissions<string[]>();
  if (!items.length) return null;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('amon.ui.meetings.aufgabe')}</TableCell>
          <TableCell>{t('amon.ui.meetings.verantwortlich')}</TableCell>
          <TableCell>{t('amon.ui.meetings.faellig')}</TableCell>
          <TableCell>{t('amon.ui.meetings.status')}</TableCell>
          {!meetingId && <TableCell>{t('amon.ui.meetings.aus')}</TableCell>}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id}>
            <TableCell>{a.title}</TableCell>
            <TableCell>{a.ownerName}</TableCell>
            <TableCell>{dateDe(a.dueOn)}</TableCell>
            <TableCell>{t(`amon.vocab.action_states.${a.status}`)}</TableCell>
            {!meetingId && (
              <TableCell>
                <a href={`#/meetings/${a.meetingId}/show`}>{a.meetingTitle}</a>
              </TableCell>
            )}
            <TableCell>
              {canEdit(permissions) && a.status === 'open' && (
                <Button
                  size="small"
                  onClick={() =>
                    command(
                      'PUT',
                      `/api/meetings/${a.meetingId}/actions/${a.id}`,
                      { title: a.title, ownerId: a.ownerId, dueOn: a.dueOn, status: 'done', ...(a.notes ? { notes: a.notes } : {}), version: a.version },
                      'amon.ui.meetings.aufgabe_erledigt',
                    )
                  }
                >
                  {t('amon.ui.meetings.erledigt')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ActionsPanel() {
  const t = useTranslate();
  const m = useRecordContext<MeetingView>();
  const { permissions } = usePermissions<string[]>();
  const command = useCommand();
  const [open, setOpen] = useState(false);
  if (!m) return null;
  const owners = m.invitees.map((i) => ({ id: i.memberId, name: i.name }));
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle1" component="h3">
        {t('amon.ui.meetings.aufgaben_aus_diesem_treffen')}
      </Typography>
      {m.actions.length ? (
        <ActionTable items={m.actions} label={t('amon.ui.meetings.aufgaben_aus_diesem_treffen')} meetingId={m.id} />
      ) : (
        <Typography>{t('amon.ui.meetings.noch_keine')}</Typography>
      )}
      {canEdit(permissions) && (
        <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)} disabled={!owners.length}>
          {t('amon.ui.meetings.aufgabe_hinzufuegen')}
        </Button>
      )}
      {m.carriedOver.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3">
            {t('amon.ui.meetings.offene_aufgaben_aus_frueheren')}
          </Typography>
          <ActionTable items={m.carriedOver} label={t('amon.ui.meetings.offene_aufgaben_aus_frueheren')} />
        </>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="action-title">
        <DialogTitle id="action-title">{t('amon.ui.meetings.aufgabe_hinzufuegen')}</DialogTitle>
        <Form
          record={{ status: 'open' }}
          resolver={schemaResolver(ActionInput)}
          onSubmit={async (values: Record<string, unknown>) =>
            (await command('POST', `/api/meetings/${m.id}/actions`, values, 'amon.ui.meetings.aufgabe_angelegt')).ok && setOpen(false)
          }
        >
          <DialogContent>
            <TextInput source="title" label="amon.ui.meetings.aufgabe" fullWidth />
            <SelectInput source="ownerId" label="amon.ui.meetings.verantwortlich" choices={owners} fullWidth />
            <TextInput source="dueOn" label="amon.ui.meetings.faellig_am" type="date" InputLabelProps={{ shrink: true }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('amon.ui.meetings.abbrechen')}</Button>
            <SaveButton label="amon.ui.meetings.anlegen" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </Stack>
  );
}

export { ActionTable };
