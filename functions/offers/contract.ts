// The operations of /api/offers: the regional offer catalogue. Staff search it (a counsellor builds a plan from it);
// coordinators and admins keep it.
import * as z from 'zod/mini';
import { ImportReport } from '#shared/jobs/schema.ts';
import { DemandQuery, DemandSupply } from '#shared/offers/demand.ts';
import { Offer, OFFER_IMPORT_LIMIT, OfferInput, OfferSearch, OfferUpdate } from '#shared/offers/schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const KEEPERS = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });

export const offersContract = contract('offers', {
  search: {
    route: 'GET /api/offers',
    roles: STAFF,
    query: OfferSearch,
    response: pageOf(Offer),
    summary: 'Aktuelle Angebote suchen: nach Beruf oder Berufsgruppe, Kreis und Beginn',
  },
  demand: {
    route: 'GET /api/offers/demand',
    roles: STAFF,
    query: DemandQuery,
    response: DemandSupply,
    summary: 'Bedarf und Angebot je Berufsgruppe: offene Bedarfe der Betriebe neben den aktuellen Angeboten, mit Lücken',
  },
  get: { route: 'GET /api/offers/{id}', roles: STAFF, params: ById, response: Offer, summary: 'Ein Angebot lesen' },
  create: { route: 'POST /api/offers', roles: KEEPERS, body: OfferInput, response: Offer, status: 201, summary: 'Ein Angebot anlegen' },
  update: { route: 'PUT /api/offers/{id}', roles: KEEPERS, params: ById, body: OfferUpdate, response: Offer, summary: 'Ein Angebot ändern (mit Version)' },
  remove: { route: 'DELETE /api/offers/{id}', roles: KEEPERS, params: ById, response: Offer, summary: 'Ein Angebot löschen' },
  import: {
    route: 'POST /api/offers/import',
    roles: KEEPERS,
    body: z
      .strictObject({
        providerMemberId: id,
        dryRun: z.boolean(),
        rows: z
          .array(z.record(z.string().check(z.maxLength(40)), z.unknown()))
          .check(z.maxLength(OFFER_IMPORT_LIMIT, `höchstens ${OFFER_IMPORT_LIMIT} Zeilen`)),
      })
      .clone()
      .register(z.globalRegistry, { id: 'OfferImport' }),
    maxBodyBytes: 1024 * 1024,
    response: ImportReport,
    summary: 'Die Angebotsliste eines Bildungsträgers importieren: erst Probelauf mit Bericht je Zeile, dann alles oder nichts',
  },
});
