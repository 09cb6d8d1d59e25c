// Job "monthly-report": on the 1st at 06:00 Berlin, the previous month's report is made and stored, and its digest to
// the subscribed contacts is started (the job worker mails it). `npm run job -- monthly-report 2026-10` makes a given month; a rerun sends only what is missing.
import { previousMonth } from '#shared/reports/figures.ts';
import { reportsService } from '#shared/reports/domain.ts';
import { berlinMonth } from '#shared/time.ts';
import { database } from '../../clients.ts';
import { tableAccessOf } from '../../access.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';
import { reportStore } from '../../reports/store.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const SYSTEM = { id: 'monthly-report', email: 'monthly-report@amon.local', roles: [] };

export const handler = (event: { args?: string[]; scheduledAt?: string; time?: string } = {}) =>
  withTableAccess('job:monthly-report', tableAccessOf('job:monthly-report'), async () => {
    const asked = event.args?.[0];
    if (asked !== undefined && !MONTH.test(asked)) throw new Error(`month must look like 2026-10, not "${asked}"`);
    const at = new Date(event.scheduledAt ?? event.time ?? Date.now());
    const month = asked ?? previousMonth(berlinMonth(at));
    const reports = reportsService(database(), reportStore());
    const started = performance.now();
    const report = await reports.generate(month, SYSTEM);
    // The worker mails it; a rerun starts a job that finds only those who have not had it.
    const job = await reports.deliver(month, SYSTEM);
    const result = { month, events: report.figures.events, seconds: Math.round((performance.now() - started) / 100) / 10, jobId: job.id };
    logger.info('monthly report finished', result);
    return result;
  });
