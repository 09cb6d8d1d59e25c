// /api/offers: the offer catalogue for staff.
import { offersService } from '#shared/offers/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { offersContract } from './contract.ts';

const offers = offersService(database());

export const handler = api(
  offersContract,
  {
    search: ({ query }) => offers.search(query),
    demand: ({ query }) => offers.demand(query),
    get: ({ params }) => offers.get(params.id),
    create: ({ body, user }) => offers.create(body, user),
    update: ({ params, body, user }) => offers.update(params.id, body, user),
    remove: ({ params, user }) => offers.remove(params.id, user),
    import: ({ body, user }) => offers.import(body.providerMemberId, body.rows, body.dryRun, user),
  },
  { sessions: sessionGuard(database()) },
);
