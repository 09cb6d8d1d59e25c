// /api/measures/{id}/evaluation/*: a group measure's evaluation sheet (aggregates only) as PDF and XLSX.
import { measuresService } from '#shared/measures/domain.ts';
import { measureEvaluation } from '#shared/measures/evaluation.ts';
import { berlinDate } from '#shared/time.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { api, fileResponse, XLSX } from '../http/route.ts';
import { evaluationsContract } from './contract.ts';

const measures = measuresService(database());

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
  },
  { sessions: sessionGuard(database()) },
);
