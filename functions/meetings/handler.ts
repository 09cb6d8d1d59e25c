// /api/meetings and /api/actions: network meetings with calendar invitations, attendance and action items.
import { meetingsService } from '#shared/meetings/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { meetingsContract } from './contract.ts';

const meetings = meetingsService(database());

export const handler = api(
  meetingsContract,
  {
    list: ({ query }) => meetings.list(query),
    get: ({ params }) => meetings.view(params.id),
    create: ({ body, user }) => meetings.create(body, user),
    update: ({ params, body, user }) => meetings.update(params.id, body, user),
    remove: ({ params, user }) => meetings.remove(params.id, user),
    invite: ({ params, user }) => meetings.invite(params.id, user),
    cancel: ({ params, user }) => meetings.cancel(params.id, user),
    attendance: ({ params, body, user }) => meetings.recordAttendance(params.id, body, user),
    series: ({ params, body, user }) => meetings.series(params.id, body, user),
    rates: ({ query }) => meetings.attendanceRates(query.from, query.to),
    addAction: ({ params, body, user }) => meetings.addAction(params.id, body, user),
    updateAction: ({ params, body, user }) => meetings.updateAction(params.id, params.actionId, body, user),
    actions: ({ query }) => meetings.actions(query),
  },
  { sessions: sessionGuard(database()) },
);
