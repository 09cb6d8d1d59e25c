// The invitations of a campaign with their states; staff remind or withdraw single ones. Never shows a token.
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { Button, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import type { Campaign, Invitation } from '#shared/surveys/schema.ts';
import { formatDateTime } from '../format.ts';
import { STATE_NAMES, stateChoices } from './choices.ts';
import { useCommand } from '../data/commands.ts';
import { useCursorList } from '../data/paging.ts';

export function InvitationsPanel() {
  const c = useRecordContext<Campaign>();
  const command = useCommand();
  const [state, setState] = useState('');
  const { rows, more, reload } = useCursorList<Invitation>(c ? `/api/campaigns/${c.id}/invitations` : undefined, { limit: '100', ...(state ? { state } : {}) }, [c?.version, c?.counts.submitted]);
  if (!c) return null;
  const act = async (method: string, path: string, body: unknown, done: string) => {
    await command(method, path, body, () => done);
    await reload();
  };
  return (
    <Stack spacing={1}>
      <MuiTextField select label="Status" value={state} onChange={(e) => setState(e.target.value)} size="small" sx={{ maxWidth: 240 }}>
        <MenuItem value="">alle</MenuItem>
        {stateChoices.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </MuiTextField>
      {!rows.length ? (
        <Typography>Noch keine Einladungen.</Typography>
      ) : (
        <Table size="small" aria-label="Einladungen">
          <TableHead>
            <TableRow>
              <TableCell>Betrieb</TableCell>
              <TableCell>E-Mail</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Versendet</TableCell>
              <TableCell>Erinnert</TableCell>
              <TableCell>Beantwortet</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((i) => (
              <TableRow key={i.companyId}>
                <TableCell>
                  <a href={`#/companies/${i.companyId}/show`}>{i.companyName}</a>
                </TableCell>
                <TableCell>{i.email}</TableCell>
                <TableCell>{STATE_NAMES[i.state]}{i.version > 1 ? ` (Version ${i.version})` : ''}</TableCell>
                <TableCell>{i.sentAt ? formatDateTime(i.sentAt) : '–'}</TableCell>
                <TableCell>{i.remindedAt.length ? `${i.remindedAt.length}×, zuletzt ${formatDateTime(i.remindedAt.at(-1)!)}` : '–'}</TableCell>
                <TableCell>{i.submittedAt ? formatDateTime(i.submittedAt) : '–'}</TableCell>
                <TableCell>
                  {c.status === 'open' && ['sent', 'opened', 'draft'].includes(i.state) && (
                    <Button size="small" onClick={() => act('POST', `/api/campaigns/${c.id}/reminders`, { companyIds: [i.companyId] }, `${i.companyName} erinnert`)}>
                      Erinnern
                    </Button>
                  )}
                  {c.status !== 'closed' && i.state !== 'submitted' && (
                    <Button size="small" color="error" onClick={() => act('DELETE', `/api/campaigns/${c.id}/invitations/${i.companyId}`, undefined, 'Einladung zurückgezogen')}>
                      Zurückziehen
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {more && <Button onClick={more}>Weitere laden</Button>}
    </Stack>
  );
}
