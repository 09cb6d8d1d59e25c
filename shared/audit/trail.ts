// Reading the audit log: a record's trail and a user's actions, newest first (admins only).
import { queryPage, stripKeys, type Db } from '../table/access.ts';
import { patterns } from '../table/patterns.ts';
import type { AuditEntry } from './entry.ts';

export async function auditTrail(db: Db, q: { recordType?: string; recordId?: string; userId?: string; cursor?: string; limit: number }) {
  const page = q.userId
    ? await queryPage(db, patterns.auditOfUser.of(q.userId), { cursor: q.cursor, limit: q.limit, descending: true })
    : await queryPage(db, patterns.auditOfRecord.of(q.recordType!, q.recordId!), { cursor: q.cursor, limit: q.limit, descending: true });
  return { items: page.items.map((i) => ({ ...stripKeys<AuditEntry>(i), id: String(i.sk) })), nextCursor: page.nextCursor };
}
