// What one staff account read and changed: the user's audit trail (admins only).
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext } from 'react-admin';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

type Send = <T>(method: string, path: string) => Promise<T>;
type Entry = { id: string; at: string; action: string; recordType: string; recordId: string; fields: string[] };

export function UserAudit() {
  const user = useRecordContext<{ id: string }>();
  const dataProvider = useDataProvider() as unknown as { send: Send };
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    if (user) dataProvider.send<{ items: Entry[] }>('GET', `/api/audit?userId=${encodeURIComponent(user.id)}&limit=50`).then((p) => setEntries(p.items), () => setEntries([]));
  }, [user, dataProvider]);
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>Zugriffsprotokoll dieses Kontos (letzte 50)</Typography>
      <Table size="small" aria-label="Zugriffsprotokoll dieses Kontos">
        <TableHead>
          <TableRow><TableCell>Zeitpunkt</TableCell><TableCell>Aktion</TableCell><TableCell>Datensatz</TableCell><TableCell>Felder</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{new Date(e.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}</TableCell>
              <TableCell>{e.action}</TableCell>
              <TableCell>{`${e.recordType} ${e.recordId}`}</TableCell>
              <TableCell>{e.fields.join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
