// /api/reports: make the monthly report, read it and its files, and start sending it to the subscribed network contacts.
import { reportsService } from '#shared/reports/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api, fileResponse } from '../http/route.ts';
import { reportsContract } from './contract.ts';
import { reportStore } from './store.ts';

const reports = reportsService(database(), reportStore());

const file = fileResponse;

export const handler = api(
  reportsContract,
  {
    // The month is the report's id (the admin's records need one).
    list: async ({ query }) => {
      const page = await reports.list(query.cursor, query.limit);
      return { ...page, items: page.items.map((r) => ({ id: r.month, ...r })) };
    },
    get: async ({ params }) => ({ id: params.month, ...(await reports.get(params.month)) }),
    async generate({ body, user }) {
      const report = { id: body.month, ...(await reports.generate(body.month, user)) };
      return body.send ? { ...report, jobId: (await reports.deliver(body.month, user)).id } : report;
    },
    pdf: async ({ params }) => file(await reports.file(params.month, 'pdf'), 'application/pdf', `Monatsbericht-${params.month}.pdf`),
    html: async ({ params }) => file(await reports.file(params.month, 'html'), 'text/html; charset=utf-8', `Monatsbericht-${params.month}.html`),
    deliveries: ({ params }) => reports.deliveries(params.month),
    deliver: ({ params, user }) => reports.deliver(params.month, user),
    resend: ({ params, body, user }) => reports.resend(params.month, body.recipient, user),
  },
  { sessions: sessionGuard(database()) },
);
