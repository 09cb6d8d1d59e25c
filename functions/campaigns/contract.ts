// The operations of /api/campaigns: survey campaigns, their invitations and results. Coordinators and admins; counsellors read results.
import * as z from 'zod/mini';
import {
  Campaign,
  CampaignInput,
  CampaignListQuery,
  CampaignUpdate,
  ComparisonQuery,
  Invitation,
  InvitationListQuery,
  InviteInput,
  InviteResult,
  RemindInput,
  ResultsQuery,
  WaveInput,
} from '#shared/surveys/schema.ts';
import { id, pageOf, pageQuery } from '#shared/schema-kit.ts';
import { Comparison, ResponseRow, Results } from '#shared/surveys/results-schema.ts';
import { STAFF } from '#shared/users/roles.ts';
import { Job } from '#shared/jobs/schema.ts';
import { contract } from '../http/route.ts';

const editors = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });
const ByCompany = z.strictObject({ id, companyId: id });

export const campaignsContract = contract('campaigns', {
  list: {
    route: 'GET /api/campaigns',
    roles: STAFF,
    query: CampaignListQuery,
    response: pageOf(Campaign),
    summary: 'Umfragen, neueste zuerst (optional einer Art)',
  },
  get: { route: 'GET /api/campaigns/{id}', roles: STAFF, params: ById, response: Campaign, summary: 'Eine Umfrage mit Fragen und Rücklaufzahlen' },
  create: {
    route: 'POST /api/campaigns',
    roles: editors,
    body: CampaignInput,
    response: Campaign,
    status: 201,
    summary: 'Eine Umfrage als Entwurf anlegen',
    maxBodyBytes: 128 * 1024,
  },
  update: {
    route: 'PUT /api/campaigns/{id}',
    roles: editors,
    params: ById,
    body: CampaignUpdate,
    response: Campaign,
    summary: 'Eine Umfrage ändern (Fragen nur im Entwurf)',
    maxBodyBytes: 128 * 1024,
  },
  remove: { route: 'DELETE /api/campaigns/{id}', roles: editors, params: ById, response: Campaign, summary: 'Einen Entwurf löschen' },
  open: {
    route: 'POST /api/campaigns/{id}/open',
    roles: editors,
    params: ById,
    response: z.extend(Campaign, {
      jobId: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'der Auftrag, der die Einladungen versendet' }),
    }),
    summary: 'Öffnen: Fragen einfrieren, Einladungen als Auftrag versenden',
  },
  close: { route: 'POST /api/campaigns/{id}/close', roles: editors, params: ById, response: Campaign, summary: 'Schließen: keine Antworten mehr' },
  wave: {
    route: 'POST /api/campaigns/{id}/waves',
    roles: editors,
    params: ById,
    body: WaveInput,
    response: Campaign,
    status: 201,
    summary: 'Neue Welle: Fragen und eingeladene Betriebe übernehmen',
  },
  invitations: {
    route: 'GET /api/campaigns/{id}/invitations',
    roles: STAFF,
    params: ById,
    query: InvitationListQuery,
    response: pageOf(Invitation),
    summary: 'Einladungen einer Umfrage mit Status',
  },
  invite: {
    route: 'POST /api/campaigns/{id}/invitations',
    roles: editors,
    params: ById,
    body: InviteInput,
    response: InviteResult,
    summary: 'Betriebe einladen: ausgewählte oder nach Filter',
  },
  uninvite: {
    route: 'DELETE /api/campaigns/{id}/invitations/{companyId}',
    roles: editors,
    params: ByCompany,
    response: Invitation,
    summary: 'Eine unbeantwortete Einladung zurückziehen',
  },
  remind: {
    route: 'POST /api/campaigns/{id}/reminders',
    roles: editors,
    params: ById,
    body: RemindInput,
    response: Job,
    status: 202,
    summary: 'Jetzt erinnern: alle oder ausgewählte Betriebe ohne Antwort (als Auftrag)',
  },
  results: {
    route: 'GET /api/campaigns/{id}/results',
    roles: STAFF,
    params: ById,
    query: ResultsQuery,
    response: Results,
    summary: 'Rücklauf und Auswertung je Frage, filterbar nach Branche, Landkreis und Größe',
  },
  responses: {
    route: 'GET /api/campaigns/{id}/responses',
    roles: editors,
    params: ById,
    query: z.strictObject(pageQuery),
    response: pageOf(ResponseRow),
    summary: 'Antworten je Betrieb (für den Export)',
  },
  compare: {
    route: 'GET /api/campaigns/{id}/comparison',
    roles: STAFF,
    params: ById,
    query: ComparisonQuery,
    response: Comparison,
    summary: 'Wellenvergleich: dieselbe Frage, Betriebe, die beide Male geantwortet haben',
  },
  ofCompany: {
    route: 'GET /api/companies/{id}/invitations',
    roles: STAFF,
    params: ById,
    query: z.strictObject(pageQuery),
    response: pageOf(Invitation),
    summary: 'Umfragen, zu denen ein Betrieb eingeladen wurde, neueste zuerst',
  },
});
