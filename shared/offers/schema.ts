// The regional offer catalogue (Bildungsdienstleisternetz): module offers of the network's training providers.
import * as z from 'zod/mini';
import { DISTRICTS } from '../regions.ts';
import { id, isoDate, optionalText, pageQuery, recordMeta, text } from '../schema-kit.ts';
import { kldbCode, MODULE_KINDS } from '../cases/schema.ts';

/** Rows of one offer import: a provider's list. */
export const OFFER_IMPORT_LIMIT = 500;

export const OFFER_FORMATS = ['full_time', 'part_time', 'in_company'] as const;

export const OfferInput = z
  .strictObject({
    providerMemberId: id,
    title: text(200),
    occupationCode: kldbCode,
    kind: z.enum(MODULE_KINDS),
    hours: z.number().check(z.int()).check(z.gte(1, 'mindestens 1 Stunde')).check(z.lte(2000, 'höchstens 2000 Stunden')),
    format: z.enum(OFFER_FORMATS),
    places: z.number().check(z.int()).check(z.gte(1)).check(z.lte(500)),
    startDates: z.array(isoDate).check(z.minLength(1, 'mindestens ein Beginn')).check(z.maxLength(24)),
    district: z.enum(DISTRICTS),
    place: text(120),
    costEuro: z.optional(z.number().check(z.gte(0)).check(z.lte(100_000))),
    /** AZAV-certified: can be paid with a Bildungsgutschein. */
    azav: z._default(z.boolean(), false),
    contact: z.optional(z.strictObject({ name: optionalText(120), email: z.optional(z.email().check(z.maxLength(254))), phone: optionalText(40) })),
    description: optionalText(2000),
  })
  .check(
    z.refine((o) => o.kind !== 'qualification_module' || (o.hours >= 140 && o.hours <= 420), {
      path: ['hours'],
      message: 'ein Qualifizierungsbaustein hat 140 bis 420 Stunden',
    }),
  )
  .clone()
  .register(z.globalRegistry, { id: 'OfferInput' });
export type OfferInput = z.infer<typeof OfferInput>;

export const OfferUpdate = z.safeExtend(OfferInput, { version: recordMeta.version }).clone().register(z.globalRegistry, { id: 'OfferUpdate' });
export type OfferUpdate = z.infer<typeof OfferUpdate>;

export const Offer = z
  .object({
    ...recordMeta,
    ...OfferInput.shape,
    providerName: z.string(),
    occupationTitle: z.optional(z.string()),
    /** The 4-digit KldB subgroup, for a search by its beginning. */
    occupationSubgroup: z.string(),
    /** The last of the start dates: an offer falls out of the catalogue after it. */
    lastStart: isoDate,
  })
  .clone()
  .register(z.globalRegistry, { id: 'Offer' });
export type Offer = z.infer<typeof Offer>;

/** A search: by occupation (code or its beginning), district, and a start on or after a date (default today). */
export const OfferSearch = z.strictObject({
  /** A KldB code or its beginning: fewer than 3 digits search every occupation, 3 the group, 4 the subgroup, 5 the occupation. */
  occupation: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'KldB-Code oder sein Anfang (Ziffern)'))),
  district: z.optional(z.enum(DISTRICTS)),
  startsFrom: z.optional(isoDate),
  ...pageQuery,
});
export type OfferSearch = z.infer<typeof OfferSearch>;

/** What the public catalogue shows of an offer: no contact person, nothing personal. */
export const PublicOffer = z
  .pick(Offer, {
    id: true,
    title: true,
    occupationCode: true,
    occupationTitle: true,
    kind: true,
    hours: true,
    format: true,
    places: true,
    startDates: true,
    district: true,
    place: true,
    costEuro: true,
    azav: true,
    providerName: true,
    description: true,
  })
  .clone()
  .register(z.globalRegistry, { id: 'PublicOffer' });
export type PublicOffer = z.infer<typeof PublicOffer>;
