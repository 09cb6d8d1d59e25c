// Job "survey-reminders": starts the daily reminders to companies that have not answered (the worker mails them), and
// closes campaigns past their last day.
import { runSurveyReminders } from '#shared/surveys/domain.ts';
import { database } from '../../clients.ts';
import { tableAccessOf } from '../../access.ts';
import { logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';

const db = database();

export const handler = () =>
  withTableAccess('job:survey-reminders', tableAccessOf('job:survey-reminders'), async () => {
    const result = await runSurveyReminders(db);
    logger.info('survey reminders finished', result);
    return result;
  });
