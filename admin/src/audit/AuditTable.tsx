// An audit trail as a table: loads entries page by page from the given API path and shows who did what, when, to which fields.
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCursorList } from '../data/paging.ts';

type Entry = { id: string; at: string; actorId: string; action: string; recordType: string; recordId: string; fields: string[] };

export function AuditTable({ title, path, params, show }: { title: string; path: string; params: Record<string, string>; show: 'actor' | 'record' }) {
  const { rows: entries, more } = useCursorList<Entry>(path, params);
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>{title}</Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>Zeitpunkt</TableCell>
            <TableCell>{show === 'actor' ? 'Konto' : 'Datensatz'}</TableCell>
            <TableCell>Aktion</TableCell>
            <TableCell>Felder</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{new Date(e.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}</TableCell>
              <TableCell>{show === 'actor' ? e.actorId : `${e.recordType} ${e.recordId}`}</TableCell>
              <TableCell>{e.action}</TableCell>
              <TableCell>{e.fields.join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more && <Button onClick={more}>Weitere laden</Button>}
    </>
  );
}
