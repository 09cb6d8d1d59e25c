// The needs of a company, newest statement first, with a link to record a new one for it.
import { useRecordContext } from 'react-admin';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Company } from '#shared/companies/schema.ts';
import type { Need } from '#shared/needs/schema.ts';
import { useCursorList } from '../data/paging.ts';
import { formatDate } from '../format.ts';
import { NEED_STATUS_NAMES, SOURCE_NAMES, TIMEFRAME_NAMES } from '../needs/choices.ts';

export function CompanyNeeds() {
  const company = useRecordContext<Company>();
  const { rows, more } = useCursorList<Need>(company ? '/api/needs' : undefined, { companyId: company?.id ?? '', limit: '25' });
  if (!company) return null;
  const create = `#/needs/create?source=${encodeURIComponent(JSON.stringify({ companyId: company.id }))}`;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="h6" component="h2">Bedarfe</Typography>
        <Button href={create} size="small" variant="outlined">Bedarf erfassen</Button>
      </Stack>
      {!rows.length ? (
        <Typography>Für diesen Betrieb ist noch kein Bedarf erfasst.</Typography>
      ) : (
        <Table size="small" aria-label="Bedarfe des Betriebs">
          <TableHead>
            <TableRow>
              <TableCell>Beruf</TableCell>
              <TableCell>Personen</TableCell>
              <TableCell>Zeitraum</TableCell>
              <TableCell>Quelle</TableCell>
              <TableCell>Angabe vom</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((n) => (
              <TableRow key={n.id}>
                <TableCell><a href={`#/needs/${n.id}/show`}>{n.occupationTitle}</a></TableCell>
                <TableCell>{n.placed ? `${n.placed} von ${n.headcount} besetzt` : n.headcount}</TableCell>
                <TableCell>{TIMEFRAME_NAMES[n.timeframe]}</TableCell>
                <TableCell>{n.source === 'survey' ? n.campaignTitle : SOURCE_NAMES.manual}</TableCell>
                <TableCell>{formatDate(n.statedOn)}</TableCell>
                <TableCell>{NEED_STATUS_NAMES[n.status]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {more && <Button onClick={more}>Weitere laden</Button>}
    </Stack>
  );
}
