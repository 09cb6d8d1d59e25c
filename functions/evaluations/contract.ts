// The evaluation sheet of a group measure, as PDF and XLSX: a function of its own, so that the measures function
// does not carry pdf-lib and exceljs (its bundle and cold start stay those of the other API functions).
import * as z from 'zod';
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
});
