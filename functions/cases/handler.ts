// /api/cases: casework. Every read and change is audited by the domain; the handler only maps routes to it.
import { caseChildren } from '#shared/cases/children.ts';
import { casesService } from '#shared/cases/domain.ts';
import { caseImport } from '#shared/cases/import.ts';
import { casePrivacy, exportHtml } from '#shared/cases/privacy.ts';
import { auditTrail } from '#shared/audit/trail.ts';
import type { ChildKind } from '#shared/cases/schema.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api, htmlPage, type RouteContext, type Operation } from '../http/route.ts';
import { casesContract } from './contract.ts';

const db = database();
const cases = casesService(db);
const children = caseChildren(cases);
const privacy = casePrivacy(cases);
const imports = caseImport(db);

type Ctx = RouteContext<Operation> & { params: { id: string; childId: string }; body: never };

const childRoutes = <K extends ChildKind>(kind: K) =>
  ({
    [`add_${kind}`]: ({ params, body, user }: Ctx) => children.add(params.id, kind, body, user),
    [`update_${kind}`]: ({ params, body, user }: Ctx) => children.update(params.id, kind, params.childId, body, user),
    [`remove_${kind}`]: ({ params, user }: Ctx) => children.remove(params.id, kind, params.childId, user),
  }) as unknown as Record<`add_${K}` | `update_${K}` | `remove_${K}`, (ctx: RouteContext<Operation>) => unknown>;

export const handler = api(
  casesContract,
  {
    list: ({ query, user }) => cases.list(query, user),
    search: ({ body, user }) => cases.list(body, user),
    duplicates: ({ body, user }) => cases.duplicates(body, user),
    import: ({ body, user }) => imports.run(body, user),
    create: ({ body, user }) => cases.create(body, user),
    get: ({ params, user }) => cases.get(params.id, user),
    update: ({ params, body, user }) => cases.update(params.id, body, user),
    move: ({ params, body, user }) => cases.move(params.id, body, user),
    ...childRoutes('sessions'),
    ...childRoutes('modules'),
    ...childRoutes('fundings'),
    ...childRoutes('qualifications'),
    putExam: ({ params, body, user }) => children.putExam(params.id, body, user),
    putOutcome: ({ params, body, user }) => children.putOutcome(params.id, body, user),
    putRecognition: ({ params, body, user }) => children.putRecognition(params.id, body, user),
    withdrawConsent: ({ params, user }) => privacy.withdrawConsent(params.id, user),
    export: async ({ params, query, user }) => {
      const data = await privacy.export(params.id, user);
      if (query.format === 'json') return data;
      return htmlPage(exportHtml(data), { headers: { 'content-disposition': `attachment; filename="auskunft-${data.exportedAt.slice(0, 10)}.html"` } });
    },
    erase: ({ params, user }) => privacy.erase(params.id, user),
    audit: ({ params, query }) => auditTrail(db, { recordType: 'case', recordId: params.id, cursor: query.cursor, limit: query.limit }),
  },
  { sessions: sessionGuard(database()) },
);
