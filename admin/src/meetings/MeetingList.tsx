// The meetings list view.
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { meetingStatus } from './status.ts';
import { useState } from 'react';
import { CreateButton, Datagrid, FunctionField, List, SelectInput, TextField, TopToolbar, useGetList, usePermissions, useTranslate } from 'react-admin';
import { Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type AttendanceRate, type Meeting } from '#shared/meetings/schema.ts';
import { canEdit } from '../auth/permissions.ts';
import { GERMAN_MONTHS } from '#shared/time.ts';
import { kindChoices, wallTime } from './choices.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** A month at a glance: one cell per day, each meeting a link. */
function Calendar() {
  const t = useTranslate();
  const now = new Date();
  const [at, setAt] = useState({ y: now.getFullYear(), m: now.getMonth() + 1 });
  const days = new Date(at.y, at.m, 0).getDate();
  const from = `${at.y}-${pad(at.m)}-01`;
  const to = `${at.y}-${pad(at.m)}-${pad(days)}`;
  const { data = [] } = useGetList<Meeting>('meetings', {
    filter: { from, to },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
  });
  const lead = (new Date(at.y, at.m - 1, 1).getDay() + 6) % 7; // Monday first
  const move = (d: number) => setAt(({ y, m }) => (m + d < 1 ? { y: y - 1, m: 12 } : m + d > 12 ? { y: y + 1, m: 1 } : { y, m: m + d }));
  return (
    <Paper sx={{ p: 2, mb: 2 }} aria-label={t('amon.ui.meetings.kalender')}>
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
        <Button onClick={() => move(-1)} aria-label={t('amon.ui.meetings.vormonat')}>
          ‹
        </Button>
        <Typography variant="h6" component="h2" sx={{ minWidth: 180, textAlign: 'center' }}>
          {GERMAN_MONTHS[at.m - 1]} {at.y}
        </Typography>
        <Button onClick={() => move(1)} aria-label={t('amon.ui.meetings.naechster_monat')}>
          ›
        </Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5 }}>
        {['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].map((d) => (
          <Typography key={d} variant="caption" sx={{ fontWeight: 'bold', textAlign: 'center' }}>
            {d}
          </Typography>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <Box key={`lead-${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const day = `${at.y}-${pad(at.m)}-${pad(i + 1)}`;
          const today = day === `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
          return (
            <Box key={day} sx={{ minHeight: 72, border: '1px solid', borderColor: today ? 'primary.main' : 'divider', borderRadius: 1, p: 0.5 }}>
              <Typography variant="caption">{i + 1}</Typography>
              {data
                .filter((m) => m.startsAt.startsWith(day))
                .map((m) => (
                  <Chip
                    key={m.id}
                    component="a"
                    href={`#/meetings/${m.id}/show`}
                    clickable
                    size="small"
                    label={`${m.startsAt.slice(11, 16)} ${m.title}`}
                    color={m.cancelledAt ? 'default' : 'primary'}
                    sx={{ maxWidth: '100%', display: 'flex', mt: 0.5, textDecoration: m.cancelledAt ? 'line-through' : 'none' }}
                  />
                ))}
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}

/** Attendance per member over the last twelve months (meetings that have begun). */
function AttendanceRates() {
  const t = useTranslate();
  const to = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const query = useApiQuery<AttendanceRate[]>(`/api/meetings/attendance-rates?from=${from}&to=${to}`);
  if (!query.data) return <QueryState query={query}>{() => null}</QueryState>;
  const rates = query.data;
  if (!rates.length) return null;
  return (
    <Paper sx={{ p: 2, mt: 2 }}>
      <Typography variant="h6" component="h2">
        {t('amon.ui.meetings.anwesenheit_der_letzten_zwoelf')}
      </Typography>
      <Table size="small" aria-label={t('amon.ui.meetings.anwesenheit_je_netzwerkpartner')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('amon.ui.meetings.netzwerkpartner')}</TableCell>
            <TableCell align="right">{t('amon.ui.meetings.eingeladen')}</TableCell>
            <TableCell align="right">{t('amon.ui.meetings.anwesend')}</TableCell>
            <TableCell align="right">{t('amon.ui.meetings.entschuldigt')}</TableCell>
            <TableCell align="right">{t('amon.ui.meetings.unentschuldigt')}</TableCell>
            <TableCell align="right">{t('amon.ui.meetings.quote')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rates.map((r) => (
            <TableRow key={r.memberId}>
              <TableCell>
                <a href={`#/members/${r.memberId}/show`}>{r.name}</a>
              </TableCell>
              <TableCell align="right">{r.invited}</TableCell>
              <TableCell align="right">{r.present}</TableCell>
              <TableCell align="right">{r.excused}</TableCell>
              <TableCell align="right">{r.absent}</TableCell>
              <TableCell align="right">{r.rate === null ? '–' : `${Math.round(r.rate * 100)} %`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

export default function MeetingList() {
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  return (
    <>
      <Calendar />
      <List
        pagination={<CursorPagination />}
        filters={[<SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />]}
        actions={<TopToolbar>{canEdit(permissions) && <CreateButton />}</TopToolbar>}
        sort={{ field: 'startsAt', order: 'ASC' }}
        title="amon.ui.meetings.treffen"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <FunctionField source="startsAt" render={(m: Meeting) => wallTime(t, m.startsAt)} sortable={false} />
          <TextField source="title" sortable={false} />
          <FunctionField source="kind" render={(m: Meeting) => t(`amon.vocab.meeting_kinds.${m.kind}`)} sortable={false} />
          <TextField source="place" emptyText="amon.ui.meetings.online" sortable={false} />
          <FunctionField label="amon.ui.meetings.status" render={(m: Meeting) => meetingStatus(m, t)} />
        </Datagrid>
      </List>
      <AttendanceRates />
    </>
  );
}
