// The operations of /api/users: staff accounts, for administrators only.
import * as z from 'zod/mini';
import { User, UserInvite, UserListQuery, UserUpdate } from '#shared/users/schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { contract } from '../http/route.ts';

const admin = ['admin'] as const;
const ById = z.strictObject({ id: z.string().check(z.minLength(1)).check(z.maxLength(64)) });

export const usersContract = contract('users', {
  list: { route: 'GET /api/users', roles: admin, query: UserListQuery, response: pageOf(User), summary: 'Konten auflisten' },
  get: { route: 'GET /api/users/{id}', roles: admin, params: ById, response: User, summary: 'Ein Konto lesen' },
  invite: { route: 'POST /api/users', roles: admin, body: UserInvite, response: User, status: 201, summary: 'Ein Konto anlegen und einladen' },
  update: {
    route: 'PUT /api/users/{id}',
    roles: admin,
    params: ById,
    body: UserUpdate,
    response: User,
    summary: 'Name, Rollen und Sperre eines Kontos ändern',
  },
});
