// Staff users: the schema shared by the user admin screens, the API and both identity adapters.
import * as z from 'zod';
import { isoDateTime, pageQuery, text } from '../schema-kit.ts';
import { ROLES } from './roles.ts';

const Role = z.enum(ROLES);

const roles = z
  .array(Role)
  .min(1, 'mindestens eine Rolle')
  .max(3)
  .refine((r) => new Set(r).size === r.length, 'doppelte Rolle');

export const UserInvite = z
  .strictObject({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    name: text(120, 2),
    roles,
  })
  .meta({ id: 'UserInvite' });
export type UserInvite = z.infer<typeof UserInvite>;

export const UserUpdate = z
  .strictObject({
    name: text(120, 2),
    roles,
    enabled: z.boolean(),
  })
  .meta({ id: 'UserUpdate' });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    enabled: z.boolean(),
    /** invited: has not signed in yet; active: has signed in. */
    status: z.enum(['invited', 'active']),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserListQuery = z.strictObject({ ...pageQuery });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const LoginInput = z.strictObject({ email: z.email().max(254), password: z.string().min(1).max(200) }).meta({ id: 'LoginInput' });

export const PasswordChange = z
  .strictObject({ email: z.email().max(254), currentPassword: z.string().min(1).max(200), newPassword: z.string().min(12, 'mindestens 12 Zeichen').max(200) })
  .meta({ id: 'PasswordChange' });
