// The operations of company relations: activities on a company with follow-ups, the company's timeline, and
// learning-venue agreements. Company data is open to all staff.
import * as z from 'zod/mini';
import {
  Activity,
  ActivityInput,
  ActivityUpdate,
  Agreement,
  AgreementInput,
  AgreementListQuery,
  AgreementUpdate,
  AgreementView,
  FollowUpDone,
  FollowUpQuery,
  NameCheck,
  NameCheckInput,
  TimelineEntry,
} from '#shared/relations/schema.ts';
import { id, pageOf, pageQuery } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id });
const ByActivity = z.strictObject({ id, activityId: id });

export const relationsContract = contract('relations', {
  timeline: {
    route: 'GET /api/companies/{id}/timeline',
    roles: STAFF,
    params: ById,
    query: z.strictObject(pageQuery),
    response: pageOf(TimelineEntry).clone().register(z.globalRegistry, { id: 'TimelinePage' }),
    summary: 'Verlauf eines Betriebs: Kontakte, Lernortkooperationen, Befragungen, Bedarfe und (für Beratung und Verwaltung) Vorschläge, neueste zuerst',
  },
  recordActivity: {
    route: 'POST /api/companies/{id}/activities',
    roles: STAFF,
    params: ById,
    body: ActivityInput,
    response: Activity,
    status: 201,
    summary: 'Einen Kontakt mit dem Betrieb festhalten (Besuch, Anruf, E-Mail, Beratungsgespräch, Infoveranstaltung, Vereinbarung)',
  },
  activity: { route: 'GET /api/companies/{id}/activities/{activityId}', roles: STAFF, params: ByActivity, response: Activity, summary: 'Ein Kontakt' },
  updateActivity: {
    route: 'PUT /api/companies/{id}/activities/{activityId}',
    roles: STAFF,
    params: ByActivity,
    body: ActivityUpdate,
    response: Activity,
    summary: 'Einen Kontakt ändern (mit Version): wer ihn hatte, oder die Verwaltung',
  },
  removeActivity: {
    route: 'DELETE /api/companies/{id}/activities/{activityId}',
    roles: STAFF,
    params: ByActivity,
    response: Activity,
    summary: 'Einen Kontakt löschen: wer ihn hatte, oder die Verwaltung',
  },
  followUpDone: {
    route: 'POST /api/companies/{id}/activities/{activityId}/done',
    roles: STAFF,
    params: ByActivity,
    body: FollowUpDone,
    response: Activity,
    summary: 'Die Wiedervorlage eines Kontakts erledigen',
  },
  followUps: {
    route: 'GET /api/company-followups',
    roles: STAFF,
    query: FollowUpQuery,
    response: pageOf(Activity).clone().register(z.globalRegistry, { id: 'CompanyFollowUpPage' }),
    summary: 'Meine Wiedervorlagen (Betriebe): offene, früheste zuerst',
  },
  nameCheck: {
    route: 'POST /api/activities/name-check',
    roles: STAFF,
    body: NameCheckInput,
    response: NameCheck,
    summary: 'Prüft einen Notiztext auf Namen von Teilnehmenden (nur für Beratung und Verwaltung; sonst immer 0)',
  },
  listAgreements: {
    route: 'GET /api/agreements',
    roles: STAFF,
    query: AgreementListQuery,
    response: pageOf(Agreement).clone().register(z.globalRegistry, { id: 'AgreementPage' }),
    summary: 'Lernortkooperationen: laufende (früheste Ende zuerst) oder alle (neuester Beginn zuerst)',
  },
  agreement: {
    route: 'GET /api/agreements/{id}',
    roles: STAFF,
    params: ById,
    response: AgreementView,
    summary: 'Eine Lernortkooperation mit den Maßnahmen und Bausteinen, die sie nutzen',
  },
  createAgreement: {
    route: 'POST /api/agreements',
    roles: STAFF,
    body: AgreementInput,
    response: Agreement,
    status: 201,
    summary: 'Eine Lernortkooperation anlegen',
  },
  updateAgreement: {
    route: 'PUT /api/agreements/{id}',
    roles: STAFF,
    params: ById,
    body: AgreementUpdate,
    response: Agreement,
    summary: 'Eine Lernortkooperation ändern (mit Version)',
  },
});
