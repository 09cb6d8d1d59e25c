// Companies (Betriebe): the regional SMEs the programme surveys and matches; one schema for API, forms, import and OpenAPI.
import * as z from 'zod';
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
    wzDivision: z
      .string()
      .regex(/^\d{2}$/, 'zweistellige WZ-Abteilung')
      .optional(),
    sizeClass: z.enum(SIZE_CLASSES),
    district: z.enum(DISTRICTS),
    postcode: z.string().regex(/^\d{5}$/, 'fünf Ziffern'),
    street: optionalText(120),
    city: optionalText(80),
    contactPerson: optionalText(120),
    email: z.email().max(254).optional(),
    phone: phone.optional(),
    chamber: z.enum(CHAMBERS).default('ihk'),
    memberId: id.optional(),
    notes: optionalText(2000),
  })
  .meta({ id: 'CompanyInput' });
export type CompanyInput = z.infer<typeof CompanyInput>;

export const CompanyUpdate = CompanyInput.safeExtend({ version: recordMeta.version }).meta({ id: 'CompanyUpdate' });
export type CompanyUpdate = z.infer<typeof CompanyUpdate>;

export const Company = CompanyInput.safeExtend({ ...recordMeta, createdAt: isoDateTime, updatedAt: isoDateTime }).meta({ id: 'Company' });
export type Company = z.infer<typeof Company>;

export const CompanyListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  wzSection: z.enum(WZ_CODES as [string, ...string[]]).optional(),
  district: z.enum(DISTRICTS).optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  ...pageQuery,
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

/** The answer of an import: rows read and valid, each problem with its spreadsheet row, and how many were written. */
export { ImportReport } from '../jobs/schema.ts';
