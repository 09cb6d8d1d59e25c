// An audit trail as a table: loads entries page by page from the given API path and shows who did what, when, to which fields.
import { useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import type { AuditEntryView } from '#shared/audit/schema.ts';
import { CursorTable } from '../data/CursorTable.tsx';

export function AuditTable({ title, path, params, show }: { title: string; path: string; params: Record<string, string>; show: 'actor' | 'record' }) {
  const t = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {title}
      </Typography>
      <CursorTable<AuditEntryView>
        path={path}
        params={params}
        label={title}
        empty={t('amon.ui.audit.noch_keine_eintraege')}
        rowKey={(e) => e.id}
        columns={[
          { header: t('amon.ui.audit.zeitpunkt'), cell: (e) => new Date(e.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) },
          {
            header: show === 'actor' ? t('amon.ui.audit.konto') : t('amon.ui.audit.datensatz'),
            cell: (e) => (show === 'actor' ? e.actorId : `${e.recordType} ${e.recordId}`),
          },
          { header: t('amon.ui.audit.aktion'), cell: (e) => e.action },
          { header: t('amon.ui.audit.felder'), cell: (e) => e.fields.join(', ') },
        ]}
      />
    </>
  );
}
