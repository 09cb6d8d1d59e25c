// What one staff account read and changed: the user's audit trail (admins only).
import { useRecordContext, useTranslate } from 'react-admin';
import { AuditTable } from '../audit/AuditTable.tsx';

export function UserAudit() {
  const t = useTranslate();
  const user = useRecordContext<{ id: string }>();
  if (!user) return null;
  return <AuditTable title={t('amon.ui.users.zugriffsprotokoll_dieses_kontos')} path="/api/audit" params={{ userId: user.id, limit: '50' }} show="record" />;
}
