// /api/members: network members (Netzwerkpartner). Coordinators and admins change them; counsellors read them.
import { z } from 'zod';
import { membersService } from '#shared/members/domain.ts';
import { MemberInput, MemberListQuery, MemberUpdate } from '#shared/members/schema.ts';
import { id } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { database } from '../clients.ts';
import { api, route } from '../http/route.ts';

const members = membersService(database());
const editors = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });
const DeleteQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const handler = api({
  'GET /api/members': route({ roles: STAFF, query: MemberListQuery }).handle(({ query }) => members.list(query)),
  'GET /api/members/{id}': route({ roles: STAFF, params: ById }).handle(({ params }) => members.get(params.id)),
  'POST /api/members': route({ roles: editors, body: MemberInput, status: 201 }).handle(({ body, user }) =>
    members.create(body, user),
  ),
  'PUT /api/members/{id}': route({ roles: editors, params: ById, body: MemberUpdate }).handle(({ params, body, user }) =>
    members.update(params.id, body, user),
  ),
  'DELETE /api/members/{id}': route({ roles: editors, params: ById, query: DeleteQuery }).handle(({ params, query, user }) =>
    members.remove(params.id, query.version, user),
  ),
});
