// /api/occupations: the occupations list.
import { occupationsService } from '#shared/occupations/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { occupationsContract } from './contract.ts';

const occupations = occupationsService(database());

export const handler = api(
  occupationsContract,
  {
    list: ({ query }) => occupations.list(query),
    get: ({ params }) => occupations.get(params.id),
    create: ({ body, user }) => occupations.create(body, user),
  },
  { sessions: sessionGuard(database()) },
);
