// Staff users: the schema shared by the user admin screens, the API and both identity adapters.
import * as z from 'zod/mini';
import { isoDateTime, pageQuery, text } from '../schema-kit.ts';
import { ROLES } from './roles.ts';

const Role = z.enum(ROLES);

const roles = z
  .array(Role)
  .check(z.minLength(1, 'mindestens eine Rolle'))
  .check(z.maxLength(3))
  .check(z.refine((r) => new Set(r).size === r.length, 'doppelte Rolle'));

export const UserInvite = z
  .strictObject({
    email: z.pipe(
      z.email().check(z.maxLength(254)),
      z.transform((e) => e.toLowerCase()),
    ),
    name: text(120, 2),
    roles,
  })
  .clone()
  .register(z.globalRegistry, { id: 'UserInvite' });
export type UserInvite = z.infer<typeof UserInvite>;

export const UserUpdate = z
  .strictObject({
    name: text(120, 2),
    roles,
    enabled: z.boolean(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'UserUpdate' });
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
  .clone()
  .register(z.globalRegistry, { id: 'User' });
export type User = z.infer<typeof User>;

export const UserListQuery = z.strictObject({ ...pageQuery });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const LoginInput = z
  .strictObject({ email: z.email().check(z.maxLength(254)), password: z.string().check(z.minLength(1)).check(z.maxLength(200)) })
  .clone()
  .register(z.globalRegistry, { id: 'LoginInput' });

export const PasswordChange = z
  .strictObject({
    email: z.email().check(z.maxLength(254)),
    currentPassword: z.string().check(z.minLength(1)).check(z.maxLength(200)),
    newPassword: z.string().check(z.minLength(12, 'mindestens 12 Zeichen')).check(z.maxLength(200)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'PasswordChange' });
