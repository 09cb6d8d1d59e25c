// The operations of /api/measures: group measures. Counsellors and admins run them (participants, bulk steps);
// coordinators read a measure and its figures, never the roster.
import * as z from 'zod/mini';
import {
  JoinInput,
  LeaveInput,
  Measure,
  MeasureInput,
  MeasureListItem,
  MeasureListQuery,
  MeasureUpdate,
  MeasureView,
  StepInput,
} from '#shared/measures/schema.ts';
import { id, pageOf } from '#shared/schema-kit.ts';
import { CASE_ROLES, STAFF } from '#shared/users/roles.ts';
import { contract } from '../http/route.ts';

const ById = z.strictObject({ id });
const ByParticipant = z.strictObject({ id, caseId: id });

export const measuresContract = contract('measures', {
  list: {
    route: 'GET /api/measures',
    roles: STAFF,
    query: MeasureListQuery,
    response: pageOf(MeasureListItem),
    summary: 'Gruppenmaßnahmen, neuester Beginn zuerst',
  },
  get: {
    route: 'GET /api/measures/{id}',
    roles: STAFF,
    params: ById,
    response: MeasureView,
    summary: 'Eine Gruppenmaßnahme mit Kennzahlen; mit Teilnehmerliste nur für Beratung und Verwaltung (die Fall-Lesungen werden protokolliert)',
  },
  create: { route: 'POST /api/measures', roles: CASE_ROLES, body: MeasureInput, response: Measure, status: 201, summary: 'Eine Gruppenmaßnahme anlegen' },
  update: {
    route: 'PUT /api/measures/{id}',
    roles: CASE_ROLES,
    params: ById,
    body: MeasureUpdate,
    response: z
      .extend(Measure, { jobId: z.optional(z.string()) })
      .clone()
      .register(z.globalRegistry, { id: 'MeasureUpdated' }),
    summary: 'Eine Gruppenmaßnahme ändern (mit Version); ein geänderter Plan erreicht jede teilnehmende Person als Auftrag',
  },
  join: {
    route: 'POST /api/measures/{id}/participants',
    roles: CASE_ROLES,
    params: ById,
    body: JoinInput,
    response: MeasureView,
    summary: 'Fälle nehmen teil: die Bausteine der Maßnahme kommen verknüpft in ihren Plan',
  },
  leave: {
    route: 'POST /api/measures/{id}/participants/{caseId}/leave',
    roles: CASE_ROLES,
    params: ByParticipant,
    body: LeaveInput,
    response: MeasureView,
    summary: 'Ein Fall verlässt die Maßnahme; abgeschlossene Bausteine bleiben, offene enden als abgebrochen',
  },
  step: {
    route: 'POST /api/measures/{id}/steps',
    roles: CASE_ROLES,
    params: ById,
    body: StepInput,
    response: z
      .object({ jobId: z.string(), total: z.number().check(z.int()) })
      .clone()
      .register(z.globalRegistry, { id: 'MeasureStepStarted' }),
    status: 202,
    summary: 'Ein Schritt für alle oder eine Auswahl: Zertifikat, Prüfungsanmeldung, Zulassung oder Ergebnis, je Fall als eigener Eintrag, im Hintergrund',
  },
});
