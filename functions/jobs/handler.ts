// /api/jobs: background work with its progress, and failed items sent again.
import { jobsService } from '#shared/jobs/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { jobsContract } from './contract.ts';

const jobs = jobsService(database());

export const handler = api(
  jobsContract,
  {
    list: ({ query, user }) => jobs.list(query, user),
    get: ({ params, user }) => jobs.get(params.id, user),
    items: ({ params, query, user }) => jobs.items(params.id, query, user),
    retry: ({ params, body, user }) => jobs.retry(params.id, body.key, user),
  },
  { sessions: sessionGuard(database()) },
);
