// /api/catalogue: the public offer catalogue (read-only, no sign-in, rate-limited like the survey form).
import { offersService } from '#shared/offers/domain.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { catalogueContract } from './contract.ts';

const offers = offersService(database());

export const handler = api(catalogueContract, {
  search: ({ query }) => offers.publicSearch(query),
});
