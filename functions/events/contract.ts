// The staff operations of events: plan and change an event, call it off, keep its registrations and waiting list,
// and record attendance. Registrations hold the personal data of partners and the public: reads are audited.
import * as z from 'zod/mini';
import {
  AttendanceInput,
  Event,
  EventInput,
  EventListQuery,
  EventUpdate,
  Registration,
  RegistrationListQuery,
  RegistrationResult,
  StaffRegistrationInput,
} from '#shared/events/schema.ts';
import { id, pageOf, recordMeta } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id });
const ByRegistration = z.strictObject({ id, registrationId: id });

export const eventsContract = contract('events', {
  list: {
    route: 'GET /api/events',
    roles: STAFF,
    query: EventListQuery,
    response: pageOf(Event).clone().register(z.globalRegistry, { id: 'EventPage' }),
    summary: 'Veranstaltungen: kommende (früheste zuerst) oder vergangene (neueste zuerst)',
  },
  create: { route: 'POST /api/events', roles: STAFF, body: EventInput, response: Event, status: 201, summary: 'Eine Veranstaltung anlegen' },
  get: { route: 'GET /api/events/{id}', roles: STAFF, params: ById, response: Event, summary: 'Eine Veranstaltung mit ihren Zahlen' },
  update: {
    route: 'PUT /api/events/{id}',
    roles: STAFF,
    params: ById,
    body: EventUpdate,
    response: Event,
    summary: 'Eine Veranstaltung ändern (mit Version); mehr Plätze lassen Wartende nachrücken',
  },
  cancel: {
    route: 'POST /api/events/{id}/cancel',
    roles: STAFF,
    params: ById,
    body: z.strictObject({ version: recordMeta.version }),
    response: Event,
    summary: 'Eine Veranstaltung absagen: alle Angemeldeten und Wartenden bekommen eine E-Mail (als Auftrag)',
  },
  registrations: {
    route: 'GET /api/events/{id}/registrations',
    roles: STAFF,
    params: ById,
    query: RegistrationListQuery,
    response: pageOf(Registration).clone().register(z.globalRegistry, { id: 'RegistrationPage' }),
    summary: 'Die Anmeldungen in der Reihenfolge ihres Eingangs (auch die Warteliste); der Lesezugriff wird protokolliert',
  },
  addRegistration: {
    route: 'POST /api/events/{id}/registrations',
    roles: STAFF,
    params: ById,
    body: StaffRegistrationInput,
    response: RegistrationResult,
    status: 201,
    summary: 'Eine Person anmelden (auch nach der Frist); ist die Veranstaltung voll, kommt sie auf die Warteliste',
  },
  cancelRegistration: {
    route: 'POST /api/events/{id}/registrations/{registrationId}/cancel',
    roles: STAFF,
    params: ByRegistration,
    response: Registration,
    summary: 'Eine Anmeldung stornieren: die Angaben der Person werden gelöscht, die erste wartende Person rückt nach',
  },
  attendance: {
    route: 'PUT /api/events/{id}/attendance',
    roles: STAFF,
    params: ById,
    body: AttendanceInput,
    response: Event,
    maxBodyBytes: 128 * 1024,
    summary: 'Die Anwesenheit erfassen (ab dem Tag der Veranstaltung)',
  },
});
