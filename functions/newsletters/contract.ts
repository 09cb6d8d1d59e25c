// The staff operations of newsletters: write an issue with pictures and links, look at it as the e-mail, send a test
// to oneself, count and choose the audience, send it once as a job; and keep the public subscribers (reads audited).
import * as z from 'zod/mini';
import { Job } from '#shared/jobs/schema.ts';
import {
  Audience,
  AudienceCount,
  Issue,
  IssueInput,
  IssueListQuery,
  IssueUpdate,
  PICTURE_MAX_BYTES,
  PictureUpload,
  Preview,
  SendInput,
  Subscriber,
  SubscriberListQuery,
  UploadedPicture,
} from '#shared/newsletters/schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import type { Role } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id });
/** Newsletters are the coordinators' work (and the administrators'). */
const EDITORS: readonly Role[] = ['admin', 'coordinator'];

export const newslettersContract = contract('newsletters', {
  list: {
    route: 'GET /api/newsletters',
    roles: EDITORS,
    query: IssueListQuery,
    response: pageOf(Issue).clone().register(z.globalRegistry, { id: 'NewsletterPage' }),
    summary: 'Newsletter-Ausgaben: Entwürfe (Standard) oder versandte, neueste zuerst',
  },
  create: { route: 'POST /api/newsletters', roles: EDITORS, body: IssueInput, response: Issue, status: 201, summary: 'Eine Ausgabe anlegen (Entwurf)' },
  get: { route: 'GET /api/newsletters/{id}', roles: EDITORS, params: ById, response: Issue, summary: 'Eine Ausgabe' },
  update: {
    route: 'PUT /api/newsletters/{id}',
    roles: EDITORS,
    params: ById,
    body: IssueUpdate,
    response: Issue,
    maxBodyBytes: 128 * 1024,
    summary: 'Einen Entwurf ändern (mit Version)',
  },
  remove: {
    route: 'DELETE /api/newsletters/{id}',
    roles: EDITORS,
    params: ById,
    response: z.object({ id }),
    summary: 'Einen Entwurf mit seinen Bildern löschen',
  },
  picture: {
    route: 'POST /api/newsletters/{id}/pictures',
    roles: EDITORS,
    params: ById,
    body: PictureUpload,
    response: UploadedPicture,
    status: 201,
    maxBodyBytes: Math.ceil((PICTURE_MAX_BYTES * 4) / 3) + 1024,
    summary: 'Ein Bild hochladen (JPEG, PNG oder WebP, höchstens 1,5 MB); es erscheint unter /medien/ der Website',
  },
  preview: {
    route: 'GET /api/newsletters/{id}/preview',
    roles: EDITORS,
    params: ById,
    response: Preview,
    summary: 'Die Ausgabe als E-Mail: Betreff, HTML und Textteil',
  },
  testMail: {
    route: 'POST /api/newsletters/{id}/test-mail',
    roles: EDITORS,
    params: ById,
    response: Job,
    status: 202,
    summary: 'Eine Testmail an die eigene Adresse (als Auftrag)',
  },
  audience: {
    route: 'POST /api/newsletters/audience',
    roles: EDITORS,
    body: Audience,
    response: AudienceCount,
    summary: 'Wie viele Adressen die gewählten Listen haben (jede Adresse einmal, ohne Abbestellte)',
  },
  send: {
    route: 'POST /api/newsletters/{id}/send',
    roles: EDITORS,
    params: ById,
    body: SendInput,
    response: Issue,
    status: 202,
    summary: 'Die Ausgabe versenden: einmal je Adresse, als Auftrag mit Fortschritt; danach steht sie im Archiv',
  },
  subscribers: {
    route: 'GET /api/newsletter-subscribers',
    roles: EDITORS,
    query: SubscriberListQuery,
    response: pageOf(Subscriber).clone().register(z.globalRegistry, { id: 'SubscriberPage' }),
    summary: 'Bestätigte Abonnentinnen und Abonnenten, neueste zuerst; der Lesezugriff wird protokolliert',
  },
  removeSubscriber: {
    route: 'DELETE /api/newsletter-subscribers/{id}',
    roles: EDITORS,
    params: ById,
    response: z.object({ id }),
    summary: 'Eine Person aus der Liste löschen (auf ihren Wunsch): Adresse und Einwilligung werden gelöscht',
  },
});
