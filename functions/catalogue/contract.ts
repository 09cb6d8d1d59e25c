// The public offer catalogue: current offers without sign-in, for the programme's website. No personal data.
import { OfferSearch, PublicOffer } from '#shared/offers/schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { contract } from '../http/route.ts';

export const catalogueContract = contract('catalogue', {
  search: {
    route: 'GET /api/catalogue',
    roles: 'public',
    query: OfferSearch,
    response: pageOf(PublicOffer),
    summary: 'Öffentlicher Angebotskatalog: aktuelle Angebote nach Beruf, Berufsgruppe, Kreis und Beginn',
  },
});
