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
    list: ({ query }) => jobs.list(query),
    get: ({ params }) => jobs.get(params.id),
    items: ({ params, query }) => jobs.items(params.id, query),
    retry: ({ params, body, user }) => jobs.retry(params.id, body.key, user),
  },
  { sessions: sessionGuard(database()) },
);
