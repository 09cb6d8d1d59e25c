// Audit entries: who read or changed which record, when, and which fields (never the values).
import { ulid } from '../ids.ts';
import { keys } from '../table/keys.ts';
import { patterns } from '../table/patterns.ts';

/** Who acts; `requestId` (the API Gateway request id) ties an audit entry to the request and its log lines. */
export type Actor = { id: string; email: string; roles: string[]; requestId?: string };
export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'erase';

export type AuditEntry = {
  at: string;
  actorId: string;
  action: AuditAction;
  recordType: string;
  recordId: string;
  fields: string[];
  requestId?: string;
};

/** The item of one audit entry, on the record's partition and (gsi1) on the actor's. */
export function auditItem(actor: Actor, action: AuditAction, recordType: string, recordId: string, fields: string[], at: Date) {
  const sk = `${at.toISOString()}#${ulid(at.getTime())}`;
  const entry: AuditEntry = {
    at: at.toISOString(),
    actorId: actor.id,
    action,
    recordType,
    recordId,
    fields,
    ...(actor.requestId ? { requestId: actor.requestId } : {}),
  };
  return { ...keys.audit(recordType, recordId, sk), ...patterns.auditOfUser.slot(sk, actor.id).keys, ...entry };
}

/** The top-level fields whose values differ between two versions of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ignore = new Set(['version', 'updatedAt']);
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => !ignore.has(n) && JSON.stringify(before[n]) !== JSON.stringify(after[n])).sort();
}
