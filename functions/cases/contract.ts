// The operations of /api/cases: casework for admins and counsellors only (a coordinator gets 403 on every one).
import * as z from 'zod/mini';
import {
  CaseInput,
  CaseListQuery,
  CaseSearch,
  DuplicateCheck,
  CaseUpdate,
  CHILD_KINDS,
  CHILD_SCHEMAS,
  ExamInput,
  MoveInput,
  OutcomeInput,
  RecognitionInput,
  type ChildKind,
} from '#shared/cases/schema.ts';
import { AuditEntryView } from '#shared/audit/schema.ts';
import { CaseImportInput, CaseImportReport } from '#shared/cases/import-schema.ts';
import { CaseExport, CaseSummary, CaseView, DuplicateHits, Erasure } from '#shared/cases/view-schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import { CASE_ROLES } from '#shared/users/roles.ts';
import { contract, type Operation } from '../http/route.ts';

const admin = ['admin'] as const;
const ById = z.strictObject({ id });
const ByChild = z.strictObject({ id, childId: id });
const version = z.number().check(z.int()).check(z.positive());
const optionalVersion = z.optional(z.number().check(z.int()).check(z.positive()));

const childOperations = <K extends ChildKind>(kind: K) =>
  ({
    [`add_${kind}`]: {
      route: `POST /api/cases/{id}/${kind}`,
      roles: CASE_ROLES,
      params: ById,
      body: CHILD_SCHEMAS[kind],
      response: CaseView,
      status: 201,
      summary: `Eintrag anlegen (${kind})`,
    },
    [`update_${kind}`]: {
      route: `PUT /api/cases/{id}/${kind}/{childId}`,
      roles: CASE_ROLES,
      params: ByChild,
      body: z.safeExtend<z.ZodMiniObject, { version: typeof version }>(CHILD_SCHEMAS[kind], { version }),
      response: CaseView,
      summary: `Eintrag ändern (${kind})`,
    },
    [`remove_${kind}`]: {
      route: `DELETE /api/cases/{id}/${kind}/{childId}`,
      roles: CASE_ROLES,
      params: ByChild,
      response: CaseView,
      summary: `Eintrag löschen (${kind})`,
    },
  }) as unknown as Record<`add_${K}`, Operation & { route: `POST /api/cases/{id}/${K}` }> &
    Record<`update_${K}`, Operation & { route: `PUT /api/cases/{id}/${K}/{childId}` }> &
    Record<`remove_${K}`, Operation & { route: `DELETE /api/cases/{id}/${K}/{childId}` }>;

export const casesContract = contract('cases', {
  list: {
    route: 'GET /api/cases',
    roles: CASE_ROLES,
    query: CaseListQuery,
    response: pageOf(CaseSummary),
    summary: 'Fälle: zuletzt geändert, nach Status, nach Berater·in, Wiedervorlagen',
  },
  search: {
    route: 'POST /api/cases/search',
    roles: CASE_ROLES,
    body: CaseSearch,
    response: pageOf(CaseSummary),
    summary: 'Fälle suchen: Namensanfang oder Fallnummer im Inhalt der Anfrage, nie in der Adresse',
  },
  duplicates: {
    route: 'POST /api/cases/duplicates',
    roles: CASE_ROLES,
    body: DuplicateCheck,
    response: DuplicateHits,
    summary: 'Mögliche Dubletten: gleicher Name und Geburtsdatum (protokolliert)',
  },
  import: {
    route: 'POST /api/cases/import',
    roles: admin,
    body: CaseImportInput,
    // 2,000 cases with 20,000 sessions' notes stay well within it; API Gateway and Lambda take 6 MB.
    maxBodyBytes: 5 * 1024 * 1024,
    response: CaseImportReport,
    summary:
      'Fälle aus dem bisherigen Bestand importieren (mit Beratungsterminen und Bausteinen): erst Probelauf mit Bericht je Tabelle, Zeile und Feld, dann alles oder nichts',
  },
  create: { route: 'POST /api/cases', roles: CASE_ROLES, body: CaseInput, response: CaseView, status: 201, summary: 'Einen Fall anlegen (Anfrage)' },
  get: { route: 'GET /api/cases/{id}', roles: CASE_ROLES, params: ById, response: CaseView, summary: 'Einen Fall mit allen Einträgen lesen (protokolliert)' },
  update: {
    route: 'PUT /api/cases/{id}',
    roles: CASE_ROLES,
    params: ById,
    body: CaseUpdate,
    response: CaseView,
    summary: 'Person und Programm eines Falls ändern (mit Version)',
  },
  move: {
    route: 'POST /api/cases/{id}/moves',
    roles: CASE_ROLES,
    params: ById,
    body: MoveInput,
    response: CaseView,
    summary: 'Den Status eines Falls ändern (geprüfte Übergänge)',
  },
  ...childOperations(CHILD_KINDS[0]),
  ...childOperations(CHILD_KINDS[1]),
  ...childOperations(CHILD_KINDS[2]),
  ...childOperations(CHILD_KINDS[3]),
  putExam: {
    route: 'PUT /api/cases/{id}/exam',
    roles: CASE_ROLES,
    params: ById,
    body: z.safeExtend(ExamInput, { version: optionalVersion }),
    response: CaseView,
    summary: 'Externenprüfung: Anmeldung, Zulassung, Ergebnisse',
  },
  putOutcome: {
    route: 'PUT /api/cases/{id}/outcome',
    roles: CASE_ROLES,
    params: ById,
    body: z.safeExtend(OutcomeInput, { version: optionalVersion }),
    response: CaseView,
    summary: 'Verbleib: Abschluss und Beschäftigung',
  },
  putRecognition: {
    route: 'PUT /api/cases/{id}/recognition',
    roles: CASE_ROLES,
    params: ById,
    body: z.safeExtend(RecognitionInput, { version: optionalVersion }),
    response: CaseView,
    summary: 'Anerkennungsverfahren (BQFG): zuständige Stelle, Referenzberuf, Fristen, Bescheid, wesentliche Unterschiede, Widerspruch',
  },
  withdrawConsent: {
    route: 'POST /api/cases/{id}/consent-withdrawal',
    roles: CASE_ROLES,
    params: ById,
    response: CaseView,
    summary: 'Einwilligung widerrufen: der Fall wird anonymisiert',
  },
  export: {
    route: 'GET /api/cases/{id}/export',
    roles: admin,
    params: ById,
    query: z.strictObject({ format: z._default(z.enum(['json', 'html']), 'json') }),
    response: CaseExport,
    /** With format=html: the same as a readable page to hand to the person. */
    produces: 'text/html',
    summary: 'Auskunft nach Art. 15 DSGVO: alles, was zur Person gespeichert ist',
  },
  erase: { route: 'DELETE /api/cases/{id}', roles: admin, params: ById, response: Erasure, summary: 'Löschung nach Art. 17 DSGVO: alle Daten der Person' },
  audit: {
    route: 'GET /api/cases/{id}/audit',
    roles: admin,
    params: ById,
    query: z.strictObject({
      cursor: z.optional(z.string().check(z.maxLength(2048))),
      limit: z._default(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100)), 50),
    }),
    response: pageOf(AuditEntryView),
    summary: 'Zugriffsprotokoll eines Falls',
  },
});
