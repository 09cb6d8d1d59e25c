// /api/events: events with their registrations, waiting list and attendance (staff).
import { eventsService } from '#shared/events/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { eventsContract } from './contract.ts';

const events = eventsService(database());

export const handler = api(
  eventsContract,
  {
    list: ({ query }) => events.list(query),
    create: ({ body, user }) => events.create(body, user),
    get: ({ params }) => events.get(params.id),
    update: ({ params, body, user }) => events.update(params.id, body, user),
    cancel: ({ params, body, user }) => events.cancelEvent(params.id, body.version, user),
    registrations: ({ params, query, user }) => events.registrations(params.id, query, user),
    addRegistration: ({ params, body, user }) => events.addRegistration(params.id, body, user),
    cancelRegistration: ({ params, user }) => events.cancelRegistration(params.id, params.registrationId, user),
    attendance: ({ params, body, user }) => events.recordAttendance(params.id, body.attended, body.absent, user),
  },
  { sessions: sessionGuard(database()) },
);
