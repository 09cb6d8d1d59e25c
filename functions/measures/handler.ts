// /api/measures: group measures.
import { measuresService } from '#shared/measures/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { measuresContract } from './contract.ts';

const measures = measuresService(database());

export const handler = api(
  measuresContract,
  {
    list: ({ query, user }) => measures.list(query, user),
    get: ({ params, user }) => measures.get(params.id, user),
    create: ({ body, user }) => measures.create(body, user),
    update: ({ params, body, user }) => measures.update(params.id, body, user),
    join: ({ params, body, user }) => measures.join(params.id, body, user),
    leave: ({ params, body, user }) => measures.leave(params.id, params.caseId, body, user),
    step: ({ params, body, user }) => measures.step(params.id, body, user),
  },
  { sessions: sessionGuard(database()) },
);
