// Turns zod issues into the field list of our error body, so that the admin forms can light up each field.
import type * as z from 'zod/mini';
import { Invalid, type FieldError } from '#shared/errors.ts';

export function fieldErrors(error: z.core.$ZodError, root: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'unbekanntes Feld' }));
    }
    return [{ path, message: issue.message }];
  });
}

/** Parses `value` with `schema` or throws Invalid naming each field. `root` prefixes paths ("query", or "" for the body). */
export function parseWith<T extends z.ZodMiniType>(schema: T, value: unknown, root: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Invalid(fieldErrors(result.error, root));
}
