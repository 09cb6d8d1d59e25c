// Writing the audit entries of reads: one entry per record read (or one per list read), beside the read itself.
import { putItem, putItems, type Db } from '../table/access.ts';
import { auditItem, type Actor } from './entry.ts';

export function auditLog(db: Db) {
  return {
    /** The read of one record; `extra` names what was read without naming anyone (a list's view or state). */
    read: (actor: Actor, recordType: string, recordId: string, fields: string[], at: Date, extra: Record<string, string> = {}) =>
      putItem(db, { ...auditItem(actor, 'read', recordType, recordId, fields, at), ...extra }),
    /** The reads of several records of one type (the cases a ranking or a duplicate check showed). */
    reads: (actor: Actor, recordType: string, recordIds: string[], fields: string[], at: Date) =>
      putItems(
        db,
        recordIds.map((id) => auditItem(actor, 'read', recordType, id, fields, at)),
      ),
  };
}
