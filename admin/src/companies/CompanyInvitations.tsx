// The surveys a company was invited to, newest first, with how far it got; links lead to the campaign.
import { useGetMany, useRecordContext } from 'react-admin';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Campaign, Invitation } from '#shared/surveys/schema.ts';
import { useCursorList } from '../data/paging.ts';
import { formatDateTime } from '../format.ts';
import { STATE_NAMES } from '../campaigns/choices.ts';

export function CompanyInvitations() {
  const company = useRecordContext<Company>();
  const { rows, more } = useCursorList<Invitation>(company ? `/api/companies/${company.id}/invitations` : undefined, { limit: '25' });
  const { data: campaigns } = useGetMany<Campaign>('campaigns', { ids: [...new Set(rows.map((r) => r.campaignId))] }, { enabled: rows.length > 0 });
  const title = (id: string) => campaigns?.find((c) => c.id === id)?.title ?? '…';
  if (!company) return null;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Typography variant="h6" component="h2">
        Befragungen
      </Typography>
      {!rows.length ? (
        <Typography>Dieser Betrieb wurde noch zu keiner Befragung eingeladen.</Typography>
      ) : (
        <Table size="small" aria-label="Befragungen des Betriebs">
          <TableHead>
            <TableRow>
              <TableCell>Umfrage</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Versendet</TableCell>
              <TableCell>Erinnert</TableCell>
              <TableCell>Beantwortet</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((i) => (
              <TableRow key={i.campaignId}>
                <TableCell>
                  <a href={`#/campaigns/${i.campaignId}/show`}>{title(i.campaignId)}</a>
                </TableCell>
                <TableCell>{STATE_NAMES[i.state]}{i.version > 1 ? ` (Version ${i.version})` : ''}</TableCell>
                <TableCell>{i.sentAt ? formatDateTime(i.sentAt) : '–'}</TableCell>
                <TableCell>{i.remindedAt.length ? `${i.remindedAt.length}×` : '–'}</TableCell>
                <TableCell>{i.submittedAt ? formatDateTime(i.submittedAt) : '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {more && <Button onClick={more}>Weitere laden</Button>}
    </Stack>
  );
}
