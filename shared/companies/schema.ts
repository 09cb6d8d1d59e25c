// Companies (Betriebe): the regional SMEs the programme surveys and matches; one schema for API, forms, import and OpenAPI.
import * as z from 'zod/mini';
import { DISTRICTS } from '../regions.ts';
import { id, isoDateTime, optionalText, pageQuery, phone, recordMeta, text } from '../schema-kit.ts';
import { WZ_CODES } from './wz.ts';

export const SIZE_CLASSES = ['1-9', '10-49', '50-249', '250+'] as const;
export const CHAMBERS = ['ihk', 'hwk', 'other'] as const;
/** Rows of one company import (CSV/Excel), checked and written all or nothing. */
export const IMPORT_LIMIT = 2000;

export const CompanyInput = z
  .strictObject({
    name: text(200, 2),
    wzSection: z.enum(WZ_CODES as [string, ...string[]]),
    wzDivision: z.optional(z.string().check(z.regex(/^\d{2}$/, 'zweistellige WZ-Abteilung'))),
    sizeClass: z.enum(SIZE_CLASSES),
    district: z.enum(DISTRICTS),
    postcode: z.string().check(z.regex(/^\d{5}$/, 'fünf Ziffern')),
    street: optionalText(120),
    city: optionalText(80),
    contactPerson: optionalText(120),
    email: z.optional(z.email().check(z.maxLength(254))),
    phone: z.optional(phone),
    chamber: z._default(z.enum(CHAMBERS), 'ihk'),
    memberId: z.optional(id),
    notes: optionalText(2000),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CompanyInput' });
export type CompanyInput = z.infer<typeof CompanyInput>;

export const CompanyUpdate = z.safeExtend(CompanyInput, { version: recordMeta.version }).clone().register(z.globalRegistry, { id: 'CompanyUpdate' });
export type CompanyUpdate = z.infer<typeof CompanyUpdate>;

export const Company = z
  .safeExtend(CompanyInput, { ...recordMeta, createdAt: isoDateTime, updatedAt: isoDateTime })
  .clone()
  .register(z.globalRegistry, { id: 'Company' });
export type Company = z.infer<typeof Company>;

export const CompanyListQuery = z.strictObject({
  q: z.optional(z.string().check(z.trim()).check(z.maxLength(100))),
  wzSection: z.optional(z.enum(WZ_CODES as [string, ...string[]])),
  district: z.optional(z.enum(DISTRICTS)),
  sizeClass: z.optional(z.enum(SIZE_CLASSES)),
  ...pageQuery,
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

/** The answer of an import: rows read and valid, each problem with its spreadsheet row, and how many were written. */
export { ImportReport } from '../jobs/schema.ts';
