// /api/companies/{id}/timeline and …/activities, /api/company-followups, /api/activities/name-check, /api/agreements.
import { relationsService } from '#shared/relations/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { relationsContract } from './contract.ts';

const relations = relationsService(database());

export const handler = api(
  relationsContract,
  {
    timeline: ({ params, query, user }) => relations.timeline(params.id, query.cursor, query.limit, user),
    recordActivity: ({ params, body, user }) => relations.recordActivity(params.id, body, user),
    activity: ({ params }) => relations.activity(params.id, params.activityId),
    updateActivity: ({ params, body, user }) => relations.updateActivity(params.id, params.activityId, body, user),
    removeActivity: ({ params, user }) => relations.removeActivity(params.id, params.activityId, user),
    followUpDone: ({ params, body, user }) => relations.followUpDone(params.id, params.activityId, body.version, user),
    followUps: ({ query, user }) => relations.followUps(query, user),
    nameCheck: ({ body, user }) => relations.nameCheck(body.text, user),
    listAgreements: ({ query }) => relations.listAgreements(query),
    agreement: ({ params, user }) => relations.agreementView(params.id, user),
    createAgreement: ({ body, user }) => relations.createAgreement(body, user),
    updateAgreement: ({ params, body, user }) => relations.updateAgreement(params.id, body, user),
  },
  { sessions: sessionGuard(database()) },
);
