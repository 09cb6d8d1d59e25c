// /api/campaigns: survey campaigns, invitations, results, wave comparison; and the needs they produced.
import { surveysService } from '#shared/surveys/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { campaignsContract } from './contract.ts';

const surveys = surveysService(database());

export const handler = api(
  campaignsContract,
  {
    list: ({ query }) => surveys.list(query),
    get: ({ params }) => surveys.get(params.id),
    create: ({ body, user }) => surveys.create(body, user),
    update: ({ params, body, user }) => surveys.update(params.id, body, user),
    remove: ({ params, user }) => surveys.remove(params.id, user),
    open: ({ params, user }) => surveys.open(params.id, user),
    close: ({ params, user }) => surveys.close(params.id, user),
    wave: ({ params, body, user }) => surveys.newWave(params.id, body, user),
    invitations: ({ params, query }) => surveys.invitations(params.id, query),
    invite: ({ params, body, user }) => surveys.invite(params.id, body, user),
    uninvite: ({ params, user }) => surveys.removeInvitation(params.id, params.companyId, user),
    remind: ({ params, body, user }) => surveys.remindNow(params.id, body.companyIds, user),
    results: ({ params, query }) => surveys.results(params.id, query),
    responses: ({ params, query }) => surveys.responses(params.id, query.cursor, query.limit),
    compare: ({ params, query }) => surveys.compare(params.id, query),
    ofCompany: ({ params, query }) => surveys.invitationsOfCompany(params.id, query.cursor, query.limit),
  },
  { sessions: sessionGuard(database()) },
);
