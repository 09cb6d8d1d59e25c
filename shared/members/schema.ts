// Network members (Netzwerkpartner): the one schema used by the API, the admin forms and the OpenAPI document.
import * as z from 'zod';
import { DISTRICTS } from '../regions.ts';
import { isoDate, isoDateTime, optionalText, pageQuery, phone, queryFlag, recordMeta, text } from '../schema-kit.ts';

export const MEMBER_KINDS = [
  'job_agency',
  'job_centre',
  'chamber',
  'ministry',
  'union',
  'training_provider',
  'migrant_organisation',
  'company',
  'research',
  'association',
  'other',
] as const;
export const MemberKind = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof MemberKind>;

export const NETWORKS = ['regional', 'nq_netz_mv'] as const;

export const Contact = z.strictObject({
  name: text(120),
  role: optionalText(120),
  email: z.email().max(254).optional(),
  phone: phone.optional(),
  /** This contact receives the monthly digest. */
  receivesDigest: z.boolean().default(false),
});
export type Contact = z.infer<typeof Contact>;

export const Address = z.strictObject({
  street: optionalText(120),
  postcode: z
    .string()
    .regex(/^\d{5}$/, 'fünf Ziffern')
    .optional(),
  city: optionalText(80),
});

export const MemberInput = z
  .strictObject({
    name: text(200, 2),
    kind: MemberKind,
    address: Address.default({}),
    district: z.enum(DISTRICTS).optional(),
    contacts: z.array(Contact).max(20).default([]),
    steeringCommittee: z.boolean().default(false),
    networks: z.array(z.enum(NETWORKS)).max(NETWORKS.length).default([]),
    digestSubscribed: z.boolean().default(false),
    notes: optionalText(4000),
  })
  .superRefine((m, ctx) => {
    if (m.digestSubscribed && !m.contacts.some((c) => c.receivesDigest && c.email)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contacts'],
        message: 'Für den Monatsbericht braucht es einen Kontakt mit E-Mail, der ihn erhält.',
      });
    }
  })
  .meta({ id: 'MemberInput' });
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberUpdate = MemberInput.safeExtend({ version: recordMeta.version }).meta({ id: 'MemberUpdate' });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const Member = z
  .object({
    ...recordMeta,
    name: z.string(),
    kind: MemberKind,
    address: z.object({ street: z.string().optional(), postcode: z.string().optional(), city: z.string().optional() }),
    district: z.enum(DISTRICTS).optional(),
    contacts: z.array(Contact),
    steeringCommittee: z.boolean(),
    networks: z.array(z.enum(NETWORKS)),
    digestSubscribed: z.boolean(),
    digestSince: isoDate.optional(),
    digestUnsubscribedAt: isoDateTime.optional(),
    notes: z.string().optional(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: MemberKind.optional(),
  steeringCommittee: queryFlag.optional(),
  subscribed: queryFlag.optional(),
  ...pageQuery,
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;
