// The job worker: the table stream's event source mapping hands it batches of new jobs and pending items (filtered by
// JOB_STREAM_FILTERS); it does them a few at a time, sending at most MAIL_RATE_PER_SECOND mails, and reports the first
// record it could not handle, so Lambda (or the local stream runner) hands that record and the ones after it again.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mapLimit, pacer } from '#shared/concurrency.ts';
import type { MailTransport } from '#shared/email/message.ts';
import { jobEngine } from '#shared/jobs/engine.ts';
import { systemClock } from '#shared/time.ts';
import { tableAccessOf } from '../../access.ts';
import { database } from '../../clients.ts';
import { config } from '../../config.ts';
import { mailTransport, sender } from '../../email/transport.ts';
import { loggableMessage, logger } from '../../http/log.ts';
import { withTableAccess } from '../../table-access.ts';
import { digestSetup, reportStore } from '../../reports/store.ts';
import { changeOf } from '../stream.ts';
import { jobKinds } from './kinds.ts';

/** Records of one batch handled at the same time (the rate still holds across them). */
const CONCURRENCY = 4;

const db = database();
// The rate holds for mails: each send waits for its slot, across the records handled at the same time.
const paced = pacer(config().MAIL_RATE_PER_SECOND);
const unpaced = mailTransport();
const transport: MailTransport = { send: async (mail) => (await paced(), unpaced.send(mail)) };
const kinds = jobKinds(
  db,
  {
    surveyMail: { transport, siteUrl: config().SITE_URL },
    meetingMail: { transport, organizer: sender(config().MEETING_ORGANIZER) },
    digest: { store: reportStore(), setup: () => digestSetup(transport) },
  },
  systemClock,
);
const engine = jobEngine(db, kinds, systemClock);

/** One batch; with `signal` (the local runner stopping) the records not started yet are handed back. */
export async function processBatch(event: DynamoDBStreamEvent, signal?: AbortSignal): Promise<DynamoDBBatchResponse> {
  const records = event.Records;
  const failed: number[] = [];
  await mapLimit(records, CONCURRENCY, async (record, index) => {
    if (signal?.aborted) return void failed.push(index);
    const change = changeOf(record);
    if (!change) return;
    try {
      await engine.handle(change);
    } catch (error) {
      const id = change.type === 'job' ? change.job.id : change.item.jobId;
      logger.error('job record failed', { jobId: id, error: (error as Error).name, reason: loggableMessage(error) });
      failed.push(index);
    }
  });
  if (!failed.length) return { batchItemFailures: [] };
  const first = records[Math.min(...failed)]!;
  return { batchItemFailures: [{ itemIdentifier: first.dynamodb?.SequenceNumber ?? '' }] };
}

export const handler = (event: DynamoDBStreamEvent) => withTableAccess('job:worker', tableAccessOf('job:worker'), () => processBatch(event));
