// An audit trail as a table: loads entries page by page from the given API path and shows who did what, when, to which fields.
import { Typography } from '@mui/material';
import type { AuditEntryView } from '#shared/audit/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';

export function AuditTable({ title, path, params, show }: { title: string; path: string; params: Record<string, string>; show: 'actor' | 'record' }) {
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {title}
      </Typography>
      <CursorTable<AuditEntryView>
        path={path}
        params={params}
        label={title}
        empty="Noch keine Einträge."
        rowKey={(e) => e.id}
        columns={[
          { header: 'Zeitpunkt', cell: (e) => new Date(e.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) },
          { header: show === 'actor' ? 'Konto' : 'Datensatz', cell: (e) => (show === 'actor' ? e.actorId : `${e.recordType} ${e.recordId}`) },
          { header: 'Aktion', cell: (e) => e.action },
          { header: 'Felder', cell: (e) => e.fields.join(', ') },
        ]}
      />
    </>
  );
}
