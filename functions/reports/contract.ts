// The operations of /api/reports: the monthly report, its files and its e-mail deliveries.
import * as z from 'zod/mini';
import { Job } from '#shared/jobs/schema.ts';
import { Delivery, Report, ReportListItem } from '#shared/reports/schema.ts';
import { pageOf, pageQuery } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const editors = ['admin', 'coordinator'] as const;
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat als JJJJ-MM'));
const ByMonth = z.strictObject({ month });

export const ReportRequest = z
  .strictObject({ month, send: z._default(z.boolean(), false) })
  .clone()
  .register(z.globalRegistry, { id: 'ReportRequest' });
/** A report made with `send`: with the job that mails it (progress: GET /api/jobs/{id}). */
const ReportWithJob = z
  .safeExtend(Report, {
    jobId: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'der Auftrag, der den Bericht im Hintergrund versendet' }),
  })
  .clone()
  .register(z.globalRegistry, {
    id: 'ReportWithJob',
  });
export const ResendRequest = z
  .strictObject({ recipient: z.string().check(z.minLength(3)).check(z.maxLength(400)) })
  .clone()
  .register(z.globalRegistry, { id: 'ResendRequest' });

export const reportsContract = contract('reports', {
  list: {
    route: 'GET /api/reports',
    roles: STAFF,
    query: z.strictObject(pageQuery),
    response: pageOf(ReportListItem),
    summary: 'Monatsberichte, neueste zuerst',
  },
  get: { route: 'GET /api/reports/{month}', roles: STAFF, params: ByMonth, response: Report, summary: 'Ein Monatsbericht mit allen Kennzahlen' },
  generate: {
    route: 'POST /api/reports',
    roles: editors,
    body: ReportRequest,
    response: ReportWithJob,
    status: 201,
    summary: 'Den Bericht eines Monats erstellen (und auf Wunsch im Hintergrund versenden)',
  },
  pdf: { route: 'GET /api/reports/{month}/pdf', roles: STAFF, params: ByMonth, produces: 'application/pdf', summary: 'Der Bericht als PDF (A4)' },
  html: { route: 'GET /api/reports/{month}/html', roles: STAFF, params: ByMonth, produces: 'text/html', summary: 'Der Bericht als HTML' },
  deliveries: {
    route: 'GET /api/reports/{month}/deliveries',
    roles: editors,
    params: ByMonth,
    response: z.array(Delivery),
    summary: 'Empfängerinnen und Empfänger mit Versandstatus',
  },
  deliver: {
    route: 'POST /api/reports/{month}/deliveries',
    roles: editors,
    params: ByMonth,
    response: Job,
    status: 202,
    summary: 'An alle versenden, die ihn noch nicht erhalten haben (ein Auftrag im Hintergrund)',
  },
  resend: {
    route: 'POST /api/reports/{month}/resend',
    roles: editors,
    params: ByMonth,
    body: ResendRequest,
    response: Job,
    status: 202,
    summary: 'An eine Empfängerin oder einen Empfänger erneut senden (ein Auftrag im Hintergrund)',
  },
});
