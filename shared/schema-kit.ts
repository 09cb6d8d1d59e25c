// Building blocks every entity schema uses: German messages, bounded strings, list queries and pages.
import * as z from 'zod/mini';
import { de } from 'zod/locales';

z.config(de());

/** A trimmed string of bounded length. Empty strings become undefined when optional. */
export const text = (max: number, min = 1) => z.string().check(z.trim()).check(z.minLength(min)).check(z.maxLength(max));
export const optionalText = (max: number) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)),
    z.optional(z.string().check(z.trim()).check(z.maxLength(max))),
  );

/** A phone number as people write it: digits, spaces and + ( ) / -. */
export const phone = z
  .string()
  .check(z.trim())
  .check(z.maxLength(40))
  .check(z.regex(/^[+0-9 ()/-]*$/, 'nur Ziffern, Leerzeichen und + ( ) / -'));

/** An https address (an online meeting's link). */
export const httpsUrl = z.url({ protocol: /^https$/, error: 'eine https-Adresse' }).check(z.maxLength(500));

export const id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'keine gültige ID'));
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

/** The fields the server sets on every stored record. */
export const recordMeta = {
  id,
  version: z.number().check(z.int()).check(z.positive()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/** `?flag=true` in a query string. */
export const queryFlag = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v) => v === 'true'),
);

/** Cursor pagination shared by every list endpoint. */
export const pageQuery = {
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100)), 25),
};

export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export type Page<T> = { items: T[]; nextCursor: string | null };
