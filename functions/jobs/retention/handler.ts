// Job "retention": anonymises cases closed longer than the retention period. EventBridge Scheduler daily; locally the scheduler.
import { applyRetention } from '#shared/cases/retention.ts';
import { database } from '../../clients.ts';
import { tableAccessOf } from '../../access.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';

const db = database();

export const handler = () =>
  withTableAccess('job:retention', tableAccessOf('job:retention'), async () => {
    const result = await applyRetention(db);
    logger.info('retention finished', result);
    return result;
  });
