// Form plumbing shared by every resource: the shared zod schema validates the form, empty inputs become absent fields.
import type { FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';

/** Removes null and empty-string values deeply: the API treats a missing field as "not given". */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== '' && v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    ) as T;
  }
  return value;
}

/** Only the fields a schema accepts: a record's id, timestamps and derived fields are not sent back. */
export function pick(schema: z.ZodMiniObject, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(schema.shape)
      .filter((k) => k in values)
      .map((k) => [k, values[k]]),
  );
}

/** Leaves out an optional group of fields (an appeal, say) that the form left entirely empty. */
export function withoutEmptyGroup(values: Record<string, unknown>, group: string): Record<string, unknown> {
  const value = clean(values[group]);
  if (value && typeof value === 'object' && Object.keys(value).length > 0) return values;
  const { [group]: _empty, ...rest } = values;
  return rest;
}

/** A react-hook-form resolver that validates with the same zod schema as the API; `prepare` shapes the values first, as on sending. */
export function schemaResolver(
  schema: z.ZodMiniObject,
  prepare: (values: Record<string, unknown>) => Record<string, unknown> = (v) => v,
): Resolver<FieldValues> {
  return async (values) => {
    const result = schema.safeParse(clean(pick(schema, prepare(values))));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      let node = errors;
      path.forEach((part, i) => {
        const key = String(part);
        if (i === path.length - 1) node[key] ??= { type: issue.code, message: issue.message };
        else node = (node[key] ??= {}) as Record<string, unknown>;
      });
    }
    return { values: {}, errors: errors as never };
  };
}

/** The body sent on save: the schema's fields only, cleaned, plus the version for optimistic locking. */
export const toBody = (schema: z.ZodMiniObject) => (data: Record<string, unknown>) => ({
  ...clean(pick(schema, data)),
  ...(typeof data.version === 'number' ? { version: data.version } : {}),
});
