// The operations of /api/needs: companies' needs for staff, from surveys or recorded by hand. Needs are company data,
// open to all staff; who a need's candidates are is answered by /api/needs/{id}/candidates (the matching resource).
import * as z from 'zod/mini';
import { Need, NeedInput, NeedListQuery, NeedUpdate, needId } from '#shared/needs/schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id: needId });

export const needsContract = contract('needs', {
  list: {
    route: 'GET /api/needs',
    roles: STAFF,
    query: NeedListQuery,
    response: pageOf(Need),
    summary: 'Bedarfe nach Status oder eines Betriebs, neueste Angabe zuerst',
  },
  get: { route: 'GET /api/needs/{id}', roles: STAFF, params: ById, response: Need, summary: 'Ein Bedarf' },
  create: {
    route: 'POST /api/needs',
    roles: STAFF,
    body: NeedInput,
    response: Need,
    status: 201,
    summary: 'Einen Bedarf erfassen (z. B. nach einem Betriebsbesuch)',
  },
  update: {
    route: 'PUT /api/needs/{id}',
    roles: STAFF,
    params: ById,
    body: NeedUpdate,
    response: Need,
    summary: 'Einen Bedarf ändern, besetzen oder zurückziehen',
  },
});
