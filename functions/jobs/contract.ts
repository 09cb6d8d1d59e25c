// The operations of /api/jobs: background work (sends, imports, a group measure's steps) with its progress and its
// failed items. Admins and coordinators see every job; counsellors those of the group measures they run.
import * as z from 'zod/mini';
import { Job, JobId, JobItem, JobItemListQuery, JobListQuery } from '#shared/jobs/schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const roles = STAFF;
const ById = z.strictObject({ id: JobId });

export const jobsContract = contract('jobs', {
  list: {
    route: 'GET /api/jobs',
    roles,
    query: JobListQuery,
    response: pageOf(Job),
    summary: 'Aufträge, neueste zuerst (alle, oder die eines Eintrags: einer Umfrage, eines Treffens, eines Berichts)',
  },
  get: { route: 'GET /api/jobs/{id}', roles, params: ById, response: Job, summary: 'Ein Auftrag mit seinem Fortschritt' },
  items: {
    route: 'GET /api/jobs/{id}/items',
    roles,
    params: ById,
    query: JobItemListQuery,
    response: pageOf(JobItem),
    summary: 'Die Posten eines Auftrags (etwa die fehlgeschlagenen, mit Grund)',
  },
  retry: {
    route: 'POST /api/jobs/{id}/retries',
    roles,
    params: ById,
    body: z
      .strictObject({
        key: z
          .optional(z.string().check(z.minLength(1)).check(z.maxLength(80)))
          .clone()
          .register(z.globalRegistry, { description: 'nur dieser Posten; sonst alle fehlgeschlagenen' }),
      })
      .clone()
      .register(z.globalRegistry, { id: 'JobRetryInput' }),
    response: Job,
    status: 202,
    summary: 'Fehlgeschlagene Posten erneut senden',
  },
});
