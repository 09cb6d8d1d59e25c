// Helpers the needs views share.
import { useRecordContext, useTranslate } from 'react-admin';
import { type Need } from '#shared/needs/schema.ts';

export function Title() {
  const n = useRecordContext<Need>();
  const t = useTranslate();
  return <span>{n ? t('amon.ui.needs.titel', { occupation: n.occupationTitle, company: n.companyName }) : ''}</span>;
}
