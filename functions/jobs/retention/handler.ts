// Job "retention": anonymises cases closed longer than the retention period. EventBridge Scheduler daily; locally the scheduler.
import { applyRetention } from '#shared/cases/retention.ts';
import { database } from '../../clients.ts';
import { logger } from '../../http/log.ts';

const db = database();

export const handler = async () => {
  const result = await applyRetention(db);
  logger.info('retention finished', result);
  return result;
};
