// /api/needs: companies' needs for staff.
import { needsService } from '#shared/needs/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { needsContract } from './contract.ts';

const needs = needsService(database());

export const handler = api(
  needsContract,
  {
    list: ({ query }) => needs.list(query),
    get: ({ params }) => needs.get(params.id),
    create: ({ body, user }) => needs.create(body, user),
    update: ({ params, body }) => needs.update(params.id, body),
  },
  { sessions: sessionGuard(database()) },
);
