// The public operations of the newsletter: sign up (double opt-in), confirm through the link (its token in the
// request body), and the archive of sent issues. No sign-in; throttled.
import * as z from 'zod/mini';
import { ConfirmResult, PublicIssue, PublicIssueSummary, SubscribeInput, SubscribeResult } from '#shared/newsletters/schema.ts';
import { id, pageOf, pageQuery } from '#shared/schema-kit.ts';
import { contract } from '../http/route.ts';

export const subscriptionsContract = contract('subscriptions', {
  subscribe: {
    route: 'POST /api/public/newsletter/subscribers',
    roles: 'public',
    body: SubscribeInput,
    response: SubscribeResult,
    status: 202,
    maxBodyBytes: 2 * 1024,
    summary: 'Den Newsletter bestellen: eine E-Mail mit Bestätigungslink geht an die Adresse (gleiche Antwort für jede Adresse)',
  },
  confirm: {
    route: 'POST /api/public/newsletter/confirm',
    roles: 'public',
    body: z
      .strictObject({ token: z.string().check(z.minLength(1)).check(z.maxLength(120)) })
      .clone()
      .register(z.globalRegistry, { id: 'ConfirmTokenBody' }),
    response: ConfirmResult,
    maxBodyBytes: 1024,
    summary: 'Die Anmeldung bestätigen (Token aus dem Link im Inhalt); die Einwilligung wird mit Zeit und Text gespeichert',
  },
  archive: {
    route: 'GET /api/public/newsletters',
    roles: 'public',
    query: z.strictObject(pageQuery),
    response: pageOf(PublicIssueSummary).clone().register(z.globalRegistry, { id: 'PublicNewsletterPage' }),
    summary: 'Das Archiv: versandte Ausgaben, neueste zuerst',
  },
  archived: {
    route: 'GET /api/public/newsletters/{id}',
    roles: 'public',
    params: z.strictObject({ id }),
    response: PublicIssue,
    summary: 'Eine versandte Ausgabe im Archiv',
  },
});
