// The documents the API renders: a group measure's evaluation sheet (PDF and XLSX) and an event's attendance list and
// certificates (PDF). A function of its own, so that the measures and events functions do not carry pdf-lib and
// exceljs (their bundles and cold starts stay those of the other API functions).
import * as z from 'zod/mini';
import { id } from '#shared/schema-kit.ts';
import { STAFF } from '#shared/users/roles.ts';
import { contract, XLSX } from '../http/route.ts';

const ById = z.strictObject({ id });

export const evaluationsContract = contract('evaluations', {
  evaluationPdf: {
    route: 'GET /api/measures/{id}/evaluation/pdf',
    roles: STAFF,
    params: ById,
    produces: 'application/pdf',
    summary: 'Das Auswertungsblatt als PDF (A4): Kennzahlen mit Geheimhaltung, ohne Namen, zur Veröffentlichung als gutes Beispiel',
  },
  evaluationXlsx: {
    route: 'GET /api/measures/{id}/evaluation/xlsx',
    roles: STAFF,
    params: ById,
    produces: XLSX,
    summary: 'Das Auswertungsblatt als Excel-Arbeitsmappe',
  },
  attendanceListPdf: {
    route: 'GET /api/events/{id}/attendance-list/pdf',
    roles: STAFF,
    params: ById,
    produces: 'application/pdf',
    summary: 'Die Teilnahmeliste einer Veranstaltung zum Unterschreiben (alle Angemeldeten); der Abruf wird protokolliert',
  },
  certificatesPdf: {
    route: 'GET /api/events/{id}/certificates/pdf',
    roles: STAFF,
    params: ById,
    produces: 'application/pdf',
    summary: 'Teilnahmebescheinigungen für alle, die als anwesend erfasst sind; der Abruf wird protokolliert',
  },
});
