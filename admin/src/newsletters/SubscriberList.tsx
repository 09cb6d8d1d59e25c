// The public subscribers: who confirmed when, with the consent they gave; a person is deleted on their request.
// Every page read is audited (the addresses are personal data).
import { Datagrid, FunctionField, List, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import type { Subscriber } from '#shared/newsletters/schema.ts';
import { CursorPagination } from '../data/CursorPagination.tsx';
import { useCommand } from '../data/commands.ts';
import { formatDateTime } from '../format.ts';
import { ConfirmButton } from '../events/ConfirmButton.tsx';

function RemoveButton() {
  const s = useRecordContext<Subscriber>();
  const t = useTranslate();
  const command = useCommand();
  if (!s) return null;
  return (
    <ConfirmButton
      label={t('amon.newsletters.subscriber_remove')}
      ariaLabel={t('amon.newsletters.subscriber_remove_label', { email: s.email })}
      title={t('amon.newsletters.subscriber_remove')}
      content={t('amon.newsletters.subscriber_remove_confirm', { email: s.email })}
      onConfirm={async () => void (await command('DELETE', `/api/newsletter-subscribers/${s.id}`, undefined, 'amon.newsletters.subscriber_removed'))}
    />
  );
}

export default function SubscriberList() {
  const t = useTranslate();
  return (
    <List pagination={<CursorPagination />} exporter={false} actions={false} perPage={25} empty={false}>
      <Alert severity="info" sx={{ m: 1 }}>
        {t('amon.newsletters.subscribers_help')}
      </Alert>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<p style={{ padding: 16 }}>{t('amon.newsletters.subscribers_empty')}</p>}>
        <TextField source="email" sortable={false} />
        <FunctionField source="language" sortable={false} render={(s: Subscriber) => t(`amon.newsletters.languages.${s.language}`)} />
        <FunctionField source="signedUpAt" sortable={false} render={(s: Subscriber) => formatDateTime(s.signedUpAt)} />
        <FunctionField source="confirmedAt" sortable={false} render={(s: Subscriber) => (s.confirmedAt ? formatDateTime(s.confirmedAt) : '–')} />
        <FunctionField source="consentText" sortable={false} render={(s: Subscriber) => <span title={s.consentText}>{s.consentText.slice(0, 60)}…</span>} />
        <RemoveButton />
      </Datagrid>
    </List>
  );
}
