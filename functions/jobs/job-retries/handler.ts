// Job "job-retries": every minute, job items whose wait after a failed attempt is over, and attempts abandoned by a
// killed worker, go back to pending; the table stream then hands them to the worker again.
import { requeueDue } from '#shared/jobs/engine.ts';
import { systemClock } from '#shared/time.ts';
import { tableAccessOf } from '../../access.ts';
import { database } from '../../clients.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';

const db = database();

export const handler = () =>
  withTableAccess('job:job-retries', tableAccessOf('job:job-retries'), async () => {
    const requeued = await requeueDue(db, systemClock);
    if (requeued) logger.info('job items put back for another attempt', { requeued });
    return { requeued };
  });
