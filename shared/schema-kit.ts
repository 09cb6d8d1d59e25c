// Building blocks every entity schema uses: German messages, bounded strings, list queries and pages.
import * as z from 'zod';
import { de } from 'zod/locales';

z.config(de());

/** A trimmed string of bounded length. Empty strings become undefined when optional. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

/** A phone number as people write it: digits, spaces and + ( ) / -. */
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()/-]*$/, 'nur Ziffern, Leerzeichen und + ( ) / -');

/** An https address (an online meeting's link). */
export const httpsUrl = z.url({ protocol: /^https$/, error: 'eine https-Adresse' }).max(500);

export const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'keine gültige ID');
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

/** The fields the server sets on every stored record. */
export const recordMeta = {
  id,
  version: z.number().int().positive(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/** `?flag=true` in a query string. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Cursor pagination shared by every list endpoint. */
export const pageQuery = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };
