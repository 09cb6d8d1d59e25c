// Privacy on a case: withdraw consent (anonymise), export for the person, erase (admins), and the case's audit trail.
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, usePermissions, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { Button, Stack } from '@mui/material';
import { AuditTable } from '../audit/AuditTable.tsx';
import { useCommand, useDownload } from '../data/commands.ts';

export function PrivacyActions() {
  const c = useRecordContext<{ id: string; anonymisedAt?: string; number: string }>();
  const { permissions } = usePermissions<string[]>();
  const send = useCommand();
  const download = useDownload();
  const dataProvider = useDataProvider<AmonDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  const [confirm, setConfirm] = useState<'withdraw' | 'erase' | null>(null);
  if (!c) return null;
  const exportAs = (format: 'json' | 'html') => download(`/api/cases/${c.id}/export?format=${format}`, `auskunft-${c.number}.${format}`);
  return (
    <Stack spacing={1} sx={{ my: 1, alignItems: 'flex-start' }}>
      {!c.anonymisedAt && (
        <Button color="warning" variant="outlined" onClick={() => setConfirm('withdraw')}>
          {t('amon.actions.withdraw_consent')}
        </Button>
      )}
      {permissions?.includes('admin') && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => exportAs('json')}>
            {t('amon.actions.export_json')}
          </Button>
          <Button variant="outlined" onClick={() => exportAs('html')}>
            {t('amon.actions.export_html')}
          </Button>
          <Button color="error" variant="outlined" onClick={() => setConfirm('erase')}>
            {t('amon.actions.erase')}
          </Button>
        </Stack>
      )}
      <Confirm
        isOpen={confirm !== null}
        title={confirm === 'erase' ? 'amon.actions.erase' : 'amon.actions.withdraw_consent'}
        content={confirm === 'erase' ? 'amon.actions.erase_confirm' : 'amon.actions.withdraw_confirm'}
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          const which = confirm;
          setConfirm(null);
          if (which === 'withdraw') await send('POST', `/api/cases/${c.id}/consent-withdrawal`);
          if (which === 'erase') {
            await dataProvider.send('DELETE', `/api/cases/${c.id}`);
            notify('amon.actions.saved', { type: 'success' });
            redirect('list', 'cases');
          }
        }}
      />
    </Stack>
  );
}

export function CaseAudit() {
  const t = useTranslate();
  const c = useRecordContext<{ id: string }>();
  if (!c) return null;
  return <AuditTable title={t('amon.ui.cases.zugriffsprotokoll')} path={`/api/cases/${c.id}/audit`} params={{ limit: '50' }} show="actor" />;
}
