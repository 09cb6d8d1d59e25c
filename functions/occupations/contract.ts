// The operations of /api/occupations: the occupations list every staff member picks from; admins add to it.
import * as z from 'zod/mini';
import { Occupation, OccupationInput, OccupationListQuery } from '#shared/occupations/schema.ts';
import { pageOf } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

export const occupationsContract = contract('occupations', {
  list: {
    route: 'GET /api/occupations',
    roles: STAFF,
    query: OccupationListQuery,
    response: pageOf(Occupation),
    summary: 'Berufe auflisten und nach Titelanfang suchen',
  },
  get: {
    route: 'GET /api/occupations/{id}',
    roles: STAFF,
    params: z.strictObject({ id: z.string().check(z.minLength(3)).check(z.maxLength(80)) }),
    response: Occupation,
    summary: 'Einen Beruf lesen',
  },
  create: { route: 'POST /api/occupations', roles: ['admin'], body: OccupationInput, response: Occupation, status: 201, summary: 'Einen Beruf ergänzen' },
});
