// The occupations list: recognised training occupations with KldB code, duration and competent body.
import * as z from 'zod/mini';
import { pageQuery, text, optionalText } from '../schema-kit.ts';
import { kldbCode } from '../cases/schema.ts';

export const OccupationInput = z
  .strictObject({
    code: kldbCode,
    title: text(160, 3),
    months: z.number().check(z.int()).check(z.gte(12)).check(z.lte(48)),
    chamber: z.enum(['ihk', 'hwk', 'other']),
    competentBody: optionalText(160),
    sector: optionalText(40),
  })
  .check(z.refine((o) => o.chamber !== 'other' || Boolean(o.competentBody), { path: ['competentBody'], message: 'Bitte die zuständige Stelle nennen' }))
  .clone()
  .register(z.globalRegistry, { id: 'OccupationInput' });
export type OccupationInput = z.infer<typeof OccupationInput>;

export const Occupation = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    months: z.number(),
    chamber: z.enum(['ihk', 'hwk', 'other']),
    competentBody: z.optional(z.string()),
    sector: z.optional(z.string()),
    shipped: z.boolean(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Occupation' });
export type Occupation = z.infer<typeof Occupation>;

export const OccupationListQuery = z.strictObject({ q: z.optional(z.string().check(z.trim()).check(z.maxLength(80))), ...pageQuery });
export type OccupationListQuery = z.infer<typeof OccupationListQuery>;
