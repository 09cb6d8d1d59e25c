// The public operations of event registration: the list of public events, one event's page, registering, and the
// personal cancel link (its token travels in the request body, never in the URL). No sign-in; throttled.
import * as z from 'zod/mini';
import { PublicEvent, PublicEventQuery, RegistrationInput, RegistrationResult } from '#shared/events/schema.ts';
import { id, pageOf, pageQuery } from '#shared/schema-kit.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id });
const TokenBody = z
  .strictObject({ token: z.string().check(z.minLength(1)).check(z.maxLength(120)) })
  .clone()
  .register(z.globalRegistry, { id: 'CancelTokenBody' });

export const registrationContract = contract('registration', {
  list: {
    route: 'GET /api/public/events',
    roles: 'public',
    query: z.strictObject(pageQuery),
    response: pageOf(PublicEvent).clone().register(z.globalRegistry, { id: 'PublicEventPage' }),
    summary: 'Öffentliche Veranstaltungen ab heute, früheste zuerst',
  },
  get: {
    route: 'GET /api/public/events/{id}',
    roles: 'public',
    params: ById,
    query: PublicEventQuery,
    response: PublicEvent,
    summary: 'Eine Veranstaltung mit freien Plätzen und Anmeldestand (Partnerveranstaltungen nur mit dem Schlüssel ihres Links)',
  },
  register: {
    route: 'POST /api/public/events/{id}/registrations',
    roles: 'public',
    params: ById,
    query: PublicEventQuery,
    body: RegistrationInput,
    response: RegistrationResult,
    status: 201,
    maxBodyBytes: 8 * 1024,
    summary: 'Sich anmelden: ein Platz, solange einer frei ist, sonst die Warteliste; eine Adresse meldet sich einmal an',
  },
  lookup: {
    route: 'POST /api/public/registration',
    roles: 'public',
    body: TokenBody,
    response: z.extend(RegistrationResult, { startsAt: z.string() }).clone().register(z.globalRegistry, { id: 'RegistrationLookup' }),
    maxBodyBytes: 1024,
    summary: 'Was der Abmeldelink meint (Token im Inhalt)',
  },
  cancel: {
    route: 'POST /api/public/registration/cancel',
    roles: 'public',
    body: TokenBody,
    response: RegistrationResult,
    maxBodyBytes: 1024,
    summary: 'Sich über den persönlichen Link abmelden; die erste wartende Person rückt nach',
  },
});
