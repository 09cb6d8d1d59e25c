// Job "retention": anonymises cases closed longer than the retention period, and deletes the registrations of public
// events that ended longer ago than their period (the counts stay), and newsletter sign-ups not confirmed in 7 days. EventBridge Scheduler daily; locally the scheduler.
import { applyRetention } from '#shared/cases/retention.ts';
import { eventsService } from '#shared/events/domain.ts';
import { newslettersService } from '#shared/newsletters/domain.ts';
import { config } from '../../config.ts';
import { database } from '../../clients.ts';
import { tableAccessOf } from '../../access.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';

const db = database();

export const handler = () =>
  withTableAccess('job:retention', tableAccessOf('job:retention'), async () => {
    const result = {
      ...(await applyRetention(db)),
      eventsCleared: await eventsService(db).purgeEnded(),
      signUpsDeleted: await newslettersService(db, { siteUrl: config().SITE_URL }).purgePending(),
    };
    logger.info('retention finished', result);
    return result;
  });
