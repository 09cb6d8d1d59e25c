// Job "report-check": on the 1st at 08:00 Berlin, two hours after the monthly report should have been made, it checks
// that the previous month's report exists. If not it fails, which raises the "monthly report missing" alarm.
import { previousMonth } from '#shared/reports/figures.ts';
import { reportRepository } from '#shared/reports/repository.ts';
import { berlinMonth } from '#shared/time.ts';
import { tableAccessOf } from '../../access.ts';
import { database } from '../../clients.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';

export class ReportMissing extends Error {
  override readonly name = 'ReportMissing';
}

export const handler = (event: { scheduledAt?: string } = {}) =>
  withTableAccess('job:report-check', tableAccessOf('job:report-check'), async () => {
    const month = previousMonth(berlinMonth(new Date(event.scheduledAt ?? Date.now())));
    const report = await reportRepository(database()).get(month);
    if (!report) throw new ReportMissing(`The monthly report for ${month} has not been made by 08:00 on the 1st.`);
    logger.info('monthly report present', { month });
    return { month, present: true };
  });
