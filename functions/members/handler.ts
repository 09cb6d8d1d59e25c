// /api/members: network members (Netzwerkpartner). Coordinators and admins change them; all staff read them.
import { membersService } from '#shared/members/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { membersContract } from './contract.ts';

const members = membersService(database());

export const handler = api(
  membersContract,
  {
    list: ({ query }) => members.list(query),
    get: ({ params }) => members.get(params.id),
    create: ({ body, user }) => members.create(body, user),
    update: ({ params, body, user }) => members.update(params.id, body, user),
    remove: ({ params, query, user }) => members.remove(params.id, query.version, user),
  },
  { sessions: sessionGuard(database()) },
);
