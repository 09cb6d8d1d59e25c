// /api/measures/{id}/evaluation/*: a group measure's evaluation sheet (aggregates only) as PDF and XLSX;
// /api/events/{id}/attendance-list/pdf and …/certificates/pdf: the documents of an event's day.
import { eventDocuments } from '#shared/events/domain.ts';
import { measuresService } from '#shared/measures/domain.ts';
import { measureEvaluation } from '#shared/measures/evaluation.ts';
import { berlinDate } from '#shared/time.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api, fileResponse, XLSX } from '../http/route.ts';
import { evaluationsContract } from './contract.ts';

const measures = measuresService(database());
const events = eventDocuments(database());

export const handler = api(
  evaluationsContract,
  {
    evaluationPdf: async ({ params }) => {
      const { file, filename } = await measureEvaluation(measures, params.id, 'pdf', berlinDate(new Date()));
      return fileResponse(file, 'application/pdf', `${filename}.pdf`);
    },
    evaluationXlsx: async ({ params }) => {
      const { file, filename } = await measureEvaluation(measures, params.id, 'xlsx', berlinDate(new Date()));
      return fileResponse(file, XLSX, `${filename}.xlsx`, 'attachment');
    },
    attendanceListPdf: async ({ params, user }) => {
      const { file, filename } = await events.attendanceList(params.id, user);
      return fileResponse(file, 'application/pdf', `${filename}.pdf`);
    },
    certificatesPdf: async ({ params, user }) => {
      const { file, filename } = await events.certificates(params.id, user);
      return fileResponse(file, 'application/pdf', `${filename}.pdf`);
    },
  },
  { sessions: sessionGuard(database()) },
);
