// The audit trail as the API answers it: who read or changed which record, when, which fields, in which request.
import * as z from 'zod/mini';

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'erase'] as const;

export const AuditEntryView = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    recordType: z.string(),
    recordId: z.string(),
    fields: z.array(z.string()),
    requestId: z.optional(z.string()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof AuditEntryView>;
