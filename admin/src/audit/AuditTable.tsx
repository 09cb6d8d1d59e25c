// An audit trail as a table: loads a page of entries from the given API path and shows who did what, when, to which fields.
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

type Send = <T>(method: string, path: string) => Promise<T>;
type Entry = { id: string; at: string; actorId: string; action: string; recordType: string; recordId: string; fields: string[] };

export function AuditTable({ title, path, show }: { title: string; path: string; show: 'actor' | 'record' }) {
  const dataProvider = useDataProvider() as unknown as { send: Send };
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    dataProvider.send<{ items: Entry[] }>('GET', path).then((page) => setEntries(page.items), () => setEntries([]));
  }, [path, dataProvider]);
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
    </>
  );
}
