// The occupations list: recognised training occupations with KldB code, duration and competent body.
import * as z from 'zod';
import { pageQuery, text, optionalText } from '../schema-kit.ts';
import { kldbCode } from '../cases/schema.ts';

export const OccupationInput = z
  .strictObject({
    code: kldbCode,
    title: text(160, 3),
    months: z.number().int().min(12).max(48),
    chamber: z.enum(['ihk', 'hwk', 'other']),
    competentBody: optionalText(160),
    sector: optionalText(40),
  })
  .refine((o) => o.chamber !== 'other' || Boolean(o.competentBody), { path: ['competentBody'], message: 'Bitte die zuständige Stelle nennen' })
  .meta({ id: 'OccupationInput' });
export type OccupationInput = z.infer<typeof OccupationInput>;

export const Occupation = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    months: z.number(),
    chamber: z.enum(['ihk', 'hwk', 'other']),
    competentBody: z.string().optional(),
    sector: z.string().optional(),
    shipped: z.boolean(),
  })
  .meta({ id: 'Occupation' });
export type Occupation = z.infer<typeof Occupation>;

export const OccupationListQuery = z.strictObject({ q: z.string().trim().max(80).optional(), ...pageQuery });
export type OccupationListQuery = z.infer<typeof OccupationListQuery>;
