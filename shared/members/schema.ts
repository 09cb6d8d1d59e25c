// Network members (Netzwerkpartner): the one schema used by the API, the admin forms and the OpenAPI document.
import * as z from 'zod/mini';
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
  email: z.optional(z.email().check(z.maxLength(254))),
  phone: z.optional(phone),
  /** This contact receives the monthly digest. */
  receivesDigest: z._default(z.boolean(), false),
});
export type Contact = z.infer<typeof Contact>;

export const Address = z.strictObject({
  street: optionalText(120),
  postcode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'fünf Ziffern'))),
  city: optionalText(80),
});

export const MemberInput = z
  .strictObject({
    name: text(200, 2),
    kind: MemberKind,
    address: z._default(Address, {}),
    district: z.optional(z.enum(DISTRICTS)),
    contacts: z._default(z.array(Contact).check(z.maxLength(20)), []),
    steeringCommittee: z._default(z.boolean(), false),
    networks: z._default(z.array(z.enum(NETWORKS)).check(z.maxLength(NETWORKS.length)), []),
    digestSubscribed: z._default(z.boolean(), false),
    notes: optionalText(4000),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (m.digestSubscribed && !m.contacts.some((c) => c.receivesDigest && c.email)) {
        ctx.addIssue({
          code: 'custom',
          path: ['contacts'],
          message: 'Für den Monatsbericht braucht es einen Kontakt mit E-Mail, der ihn erhält.',
        });
      }
    }),
  )
  .clone()
  .register(z.globalRegistry, { id: 'MemberInput' });
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberUpdate = z.safeExtend(MemberInput, { version: recordMeta.version }).clone().register(z.globalRegistry, { id: 'MemberUpdate' });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const Member = z
  .object({
    ...recordMeta,
    name: z.string(),
    kind: MemberKind,
    address: z.object({ street: z.optional(z.string()), postcode: z.optional(z.string()), city: z.optional(z.string()) }),
    district: z.optional(z.enum(DISTRICTS)),
    contacts: z.array(Contact),
    steeringCommittee: z.boolean(),
    networks: z.array(z.enum(NETWORKS)),
    digestSubscribed: z.boolean(),
    digestSince: z.optional(isoDate),
    digestUnsubscribedAt: z.optional(isoDateTime),
    notes: z.optional(z.string()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberListQuery = z.strictObject({
  q: z.optional(z.string().check(z.trim()).check(z.maxLength(100))),
  kind: z.optional(MemberKind),
  steeringCommittee: z.optional(queryFlag),
  subscribed: z.optional(queryFlag),
  ...pageQuery,
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;
