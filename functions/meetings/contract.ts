// The operations of /api/meetings and /api/actions: network meetings, attendance, series and action items.
import * as z from 'zod/mini';
import {
  ActionInput,
  ActionItem,
  ActionListQuery,
  ActionUpdate,
  AttendanceInput,
  AttendanceQuery,
  AttendanceRate,
  Meeting,
  MeetingInput,
  MeetingListQuery,
  MeetingUpdate,
  SeriesInput,
} from '#shared/meetings/schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const editors = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });
const ByAction = z.strictObject({ id, actionId: id });
/** A meeting after a command that may mail: with the job that sends the mails (progress: GET /api/jobs/{id}). */
const WithJob = z
  .safeExtend(Meeting, {
    jobId: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'der Auftrag, der die E-Mails im Hintergrund versendet' }),
  })
  .clone()
  .register(z.globalRegistry, {
    id: 'MeetingWithJob',
  });
const MeetingView = z.safeExtend(Meeting, { actions: z.array(ActionItem), carriedOver: z.array(ActionItem) });

export const meetingsContract = contract('meetings', {
  list: {
    route: 'GET /api/meetings',
    roles: STAFF,
    query: MeetingListQuery,
    response: pageOf(Meeting),
    summary: 'Treffen nach Beginn, optional zwischen zwei Tagen und nach Art',
  },
  get: {
    route: 'GET /api/meetings/{id}',
    roles: STAFF,
    params: ById,
    response: MeetingView,
    summary: 'Ein Treffen mit seinen Aufgaben und den offenen aus früheren Treffen',
  },
  create: { route: 'POST /api/meetings', roles: editors, body: MeetingInput, response: Meeting, status: 201, summary: 'Ein Treffen anlegen' },
  update: {
    route: 'PUT /api/meetings/{id}',
    roles: editors,
    params: ById,
    body: MeetingUpdate,
    response: WithJob,
    summary: 'Ein Treffen ändern (Eingeladene erhalten den geänderten Kalendereintrag, im Hintergrund)',
  },
  remove: { route: 'DELETE /api/meetings/{id}', roles: editors, params: ById, response: Meeting, summary: 'Ein nie angekündigtes Treffen löschen' },
  invite: {
    route: 'POST /api/meetings/{id}/invitations',
    roles: editors,
    params: ById,
    response: WithJob,
    summary: 'Einladungen mit Kalendereintrag (.ics) versenden (im Hintergrund; die Antwort nennt den Auftrag)',
  },
  cancel: {
    route: 'POST /api/meetings/{id}/cancellation',
    roles: editors,
    params: ById,
    response: WithJob,
    summary: 'Ein Treffen absagen (Eingeladene erhalten die Absage, im Hintergrund; erneut: derselbe Auftrag)',
  },
  attendance: {
    route: 'PUT /api/meetings/{id}/attendance',
    roles: editors,
    params: ById,
    body: AttendanceInput,
    response: Meeting,
    summary: 'Anwesenheit erfassen',
  },
  series: {
    route: 'POST /api/meetings/{id}/series',
    roles: editors,
    params: ById,
    body: SeriesInput,
    response: z.array(Meeting),
    status: 201,
    summary: 'Die nächsten monatlichen Termine anlegen',
  },
  rates: {
    route: 'GET /api/meetings/attendance-rates',
    roles: STAFF,
    query: AttendanceQuery,
    response: z.array(AttendanceRate),
    summary: 'Anwesenheitsquote je Netzwerkpartner',
  },
  addAction: {
    route: 'POST /api/meetings/{id}/actions',
    roles: editors,
    params: ById,
    body: ActionInput,
    response: ActionItem,
    status: 201,
    summary: 'Eine Aufgabe aus einem Treffen anlegen',
  },
  updateAction: {
    route: 'PUT /api/meetings/{id}/actions/{actionId}',
    roles: editors,
    params: ByAction,
    body: ActionUpdate,
    response: ActionItem,
    summary: 'Eine Aufgabe ändern oder erledigen',
  },
  actions: {
    route: 'GET /api/actions',
    roles: STAFF,
    query: ActionListQuery,
    response: pageOf(ActionItem),
    summary: 'Aufgaben nach Status (nach Fälligkeit) oder je Verantwortlichem',
  },
});
