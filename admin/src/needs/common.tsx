// Helpers the needs views share.
import { useRecordContext } from 'react-admin';
import { type Need } from '#shared/needs/schema.ts';

export function Title() {
  const n = useRecordContext<Need>();
  return <span>{n ? `Bedarf: ${n.occupationTitle} bei ${n.companyName}` : ''}</span>;
}
