// The operations of /api/companies: the company registry. Coordinators and admins change it; all staff read it.
import * as z from 'zod/mini';
import { Company, CompanyInput, CompanyListQuery, CompanyUpdate, ImportReport } from '#shared/companies/schema.ts';
import { IMPORT_LIMIT } from '#shared/companies/schema.ts';
import { id, pageOf, text } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const editors = ['admin', 'coordinator'] as const;
const ById = z.strictObject({ id });

export const companiesContract = contract('companies', {
  list: {
    route: 'GET /api/companies',
    roles: STAFF,
    query: CompanyListQuery,
    response: pageOf(Company),
    summary: 'Betriebe nach Branche, Landkreis und Größe filtern, nach Namensanfang suchen',
  },
  duplicates: {
    route: 'GET /api/companies/duplicates',
    roles: STAFF,
    query: z.strictObject({ name: text(200), postcode: z.string().check(z.regex(/^\d{5}$/)) }),
    response: z
      .array(z.object({ id, name: z.string() }))
      .clone()
      .register(z.globalRegistry, { id: 'CompanyDuplicates' }),
    summary: 'Mögliche Dubletten: gleicher Name und gleiche Postleitzahl',
  },
  get: { route: 'GET /api/companies/{id}', roles: STAFF, params: ById, response: Company, summary: 'Einen Betrieb lesen' },
  create: { route: 'POST /api/companies', roles: editors, body: CompanyInput, response: Company, status: 201, summary: 'Einen Betrieb anlegen' },
  update: {
    route: 'PUT /api/companies/{id}',
    roles: editors,
    params: ById,
    body: CompanyUpdate,
    response: Company,
    summary: 'Einen Betrieb ändern (mit Version)',
  },
  remove: { route: 'DELETE /api/companies/{id}', roles: editors, params: ById, response: Company, summary: 'Einen Betrieb löschen' },
  import: {
    route: 'POST /api/companies/import',
    roles: editors,
    body: z
      .strictObject({ dryRun: z.boolean(), rows: z.array(z.record(z.string().check(z.maxLength(40)), z.unknown())).check(z.maxLength(IMPORT_LIMIT)) })
      .clone()
      .register(z.globalRegistry, { id: 'CompanyImport' }),
    maxBodyBytes: 2 * 1024 * 1024,
    response: ImportReport,
    summary: 'Betriebe importieren: erst Probelauf mit Bericht je Zeile, dann alles oder nichts',
  },
});
