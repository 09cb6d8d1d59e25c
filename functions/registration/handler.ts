// /api/public/events and /api/public/registration: the public event pages, registering and cancelling.
import { eventsService } from '#shared/events/domain.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { registrationContract } from './contract.ts';

const events = eventsService(database());

export const handler = api(registrationContract, {
  list: ({ query }) => events.publicList(query.cursor, query.limit),
  get: ({ params, query }) => events.publicEvent(params.id, query.k),
  register: ({ params, query, body }) => events.register(params.id, query.k, body),
  lookup: ({ body }) => events.lookup(body.token),
  cancel: ({ body }) => events.cancelByLink(body.token),
});
