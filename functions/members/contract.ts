// The operations of /api/members: who may call them and with which schemas.
import * as z from 'zod/mini';
import { Member, MemberInput, MemberListQuery, MemberUpdate } from '#shared/members/schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const editors = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });

export const membersContract = contract('members', {
  list: {
    route: 'GET /api/members',
    roles: STAFF,
    query: MemberListQuery,
    response: pageOf(Member),
    summary: 'Netzwerkpartner auflisten, filtern und nach Namensanfang suchen',
  },
  get: { route: 'GET /api/members/{id}', roles: STAFF, params: ById, response: Member, summary: 'Einen Netzwerkpartner lesen' },
  create: { route: 'POST /api/members', roles: editors, body: MemberInput, response: Member, status: 201, summary: 'Einen Netzwerkpartner anlegen' },
  update: {
    route: 'PUT /api/members/{id}',
    roles: editors,
    params: ById,
    body: MemberUpdate,
    response: Member,
    summary: 'Einen Netzwerkpartner ändern (mit Version)',
  },
  remove: {
    route: 'DELETE /api/members/{id}',
    roles: editors,
    params: ById,
    query: z.strictObject({ version: z.optional(z.coerce.number().check(z.int()).check(z.positive())) }),
    response: Member,
    summary: 'Einen Netzwerkpartner löschen',
  },
});
