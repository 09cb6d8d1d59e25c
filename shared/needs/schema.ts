// Needs (Bedarfe): a company needs people in one occupation. They come from survey answers or are recorded by
// hand after a visit; the matching ranks cases against the open ones.
import * as z from 'zod/mini';
import { CEFR, kldbCode } from '../cases/schema.ts';
import { DISTRICTS } from '../regions.ts';
import { id, isoDate, isoDateTime, optionalText, pageQuery, recordMeta } from '../schema-kit.ts';
import { TIMEFRAMES } from '../surveys/questions.ts';
import { MATCHING_PROJECTION } from '../table/definition.ts';

export const NEED_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_SOURCES = ['survey', 'manual'] as const;

/** A need recorded by hand has a ULID; one from a survey is named by company and occupation, so a later answer restates it. */
export const needId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}(-\d{5})?$/, 'keine gültige Bedarfs-ID'));

export const NeedConditions = z.strictObject({
  /** Part-time work is possible. */
  partTime: z._default(z.boolean(), false),
  /** The company would qualify a low-skilled person (a learning venue for modules). */
  lowSkilled: z._default(z.boolean(), false),
  /** The company would employ a person with a migration background. */
  migrant: z._default(z.boolean(), false),
  /** The German level the work needs (CEFR). */
  germanLevel: z.optional(z.enum(CEFR)),
});
export type NeedConditions = z.infer<typeof NeedConditions>;

const fields = {
  occupationId: z.string().check(z.minLength(1)).check(z.maxLength(80)),
  headcount: z.number().check(z.int()).check(z.gte(1)).check(z.lte(999)),
  timeframe: z.enum(TIMEFRAMES),
  /** Where the work is, when not at the company's address. */
  district: z.optional(z.enum(DISTRICTS)),
  postcode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'fünf Ziffern'))),
  conditions: z._default(NeedConditions, { partTime: false, lowSkilled: false, migrant: false }),
  statedOn: z.optional(isoDate),
  note: optionalText(1000),
};

export const NeedInput = z
  .strictObject({ companyId: id, ...fields })
  .clone()
  .register(z.globalRegistry, { id: 'NeedInput' });
export type NeedInput = z.infer<typeof NeedInput>;

export const NeedUpdate = z
  .partial(z.strictObject({ ...fields, status: z.enum(NEED_STATUSES), version: recordMeta.version }), { occupationId: true })
  .clone()
  .register(z.globalRegistry, { id: 'NeedUpdate' });
export type NeedUpdate = z.infer<typeof NeedUpdate>;

export const Need = z
  .object({
    ...recordMeta,
    id: needId,
    source: z.enum(NEED_SOURCES),
    campaignId: z.optional(id),
    campaignTitle: z.optional(z.string()),
    companyId: id,
    companyName: z.string(),
    wzSection: z.string(),
    district: z.enum(DISTRICTS),
    postcode: z.optional(z.string()),
    occupation: kldbCode,
    occupationTitle: z.string(),
    headcount: z.number().check(z.int()),
    /** People placed into this need so far; reaching the headcount marks it filled. */
    placed: z.number().check(z.int()),
    timeframe: z.enum(TIMEFRAMES),
    conditions: NeedConditions,
    statedOn: isoDate,
    status: z.enum(NEED_STATUSES),
    statusSince: isoDateTime,
    note: z.optional(z.string()),
    createdBy: z.optional(z.string()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Need' });
export type Need = z.infer<typeof Need>;

/** An open need as the matching index holds it: exactly the attributes it projects. */
export const OpenNeed = z
  .pick(Need, Object.fromEntries(MATCHING_PROJECTION.map((k) => [k, true])) as { [K in (typeof MATCHING_PROJECTION)[number]]: true })
  .clone()
  .register(z.globalRegistry, {
    id: 'OpenNeed',
  });
export type OpenNeed = z.infer<typeof OpenNeed>;

export const NeedListQuery = z.strictObject({
  status: z._default(z.enum(NEED_STATUSES), 'open'),
  companyId: z.optional(id),
  ...pageQuery,
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;
