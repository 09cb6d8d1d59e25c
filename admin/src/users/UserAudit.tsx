// What one staff account read and changed: the user's audit trail (admins only).
import { useRecordContext } from 'react-admin';
import { AuditTable } from '../audit/AuditTable.tsx';

export function UserAudit() {
  const user = useRecordContext<{ id: string }>();
  if (!user) return null;
  return <AuditTable title="Zugriffsprotokoll dieses Kontos" path="/api/audit" params={{ userId: user.id, limit: '50' }} show="record" />;
}
