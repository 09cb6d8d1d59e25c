// /api/companies: the company registry and its import.
import { companiesService } from '#shared/companies/domain.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api } from '../http/route.ts';
import { companiesContract } from './contract.ts';

const companies = companiesService(database());

export const handler = api(
  companiesContract,
  {
    list: ({ query }) => companies.list(query),
    duplicates: ({ query }) => companies.duplicates(query.name, query.postcode),
    get: ({ params }) => companies.get(params.id),
    create: ({ body, user }) => companies.create(body, user),
    update: ({ params, body, user }) => companies.update(params.id, body, user),
    remove: ({ params, user }) => companies.remove(params.id, user),
    import: ({ body, user }) => companies.import(body.rows, body.dryRun, user),
  },
  { sessions: sessionGuard(database()) },
);
