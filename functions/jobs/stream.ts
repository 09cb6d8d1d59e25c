// The table stream as the job worker sees it: which records it takes (the same filter in the Lambda event source
// mapping and in the local stream runner) and how a record becomes a job change.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { JobChange } from '#shared/jobs/engine.ts';
import type { Job, JobItem } from '#shared/jobs/schema.ts';
import { stripKeys } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { patterns } from '#shared/table/patterns.ts';

const JOB_PREFIX = patterns.jobWithItems.partitionOf('');
const JOB_SORT = keys.job('x').sk;

/**
 * The records the worker takes, as Lambda filter criteria: a job just written (it writes its items), and an item
 * that is pending (new, or put back for another attempt). Everything else on the table never wakes the worker.
 */
export const JOB_STREAM_FILTERS = [
  { eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: JOB_PREFIX }] }, sk: { S: [JOB_SORT] } } } },
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { pk: { S: [{ prefix: JOB_PREFIX }] }, state: { S: ['pending'] } } } },
] as const;

type Image = Record<string, { S?: string } | undefined> | undefined;

/** The same filter, applied by the local runner to what GetRecords returns. */
export function matchesJobFilter(record: Pick<DynamoDBRecord, 'eventName'> & { dynamodb?: { NewImage?: unknown } }): boolean {
  const image = record.dynamodb?.NewImage as Image;
  const pk = image?.pk?.S ?? '';
  if (!pk.startsWith(JOB_PREFIX)) return false;
  if (record.eventName === 'INSERT' && image?.sk?.S === JOB_SORT) return true;
  return (record.eventName === 'INSERT' || record.eventName === 'MODIFY') && image?.state?.S === 'pending';
}

/** The id of the job a stream record belongs to (the job or one of its items), or undefined for another record. */
export function jobIdOf(record: { dynamodb?: { NewImage?: unknown; Keys?: unknown } }): string | undefined {
  const pk = ((record.dynamodb?.NewImage ?? record.dynamodb?.Keys) as Image)?.pk?.S ?? '';
  return pk.startsWith(JOB_PREFIX) ? pk.slice(JOB_PREFIX.length) : undefined;
}

/**
 * The streams client reads an empty map (`{ M: {} }`) back as `{}`, which unmarshall refuses: such a value is put back
 * as the empty map it was, at any depth.
 */
function restoreEmptyMaps(image: Record<string, unknown>): Record<string, AttributeValue> {
  const fix = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) return { M: {} };
    const [[type, inner]] = entries as [[string, unknown]];
    if (type === 'M') return { M: Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, x]) => [k, fix(x)])) };
    if (type === 'L') return { L: (inner as unknown[]).map(fix) };
    return v;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)])) as Record<string, AttributeValue>;
}

/** A stream record as a job change, or undefined for a record the worker does not handle. */
export function changeOf(record: DynamoDBRecord): JobChange | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image || !matchesJobFilter(record)) return undefined;
  const item = unmarshall(restoreEmptyMaps(image));
  if (item.sk === JOB_SORT) return { type: 'job', job: stripKeys<Job>(item), isNew: record.eventName === 'INSERT' };
  return { type: 'item', item: stripKeys<JobItem>(item) };
}
