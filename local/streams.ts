// The table stream locally: polls DynamoDB Local's stream like Lambda's event source mapping does, hands batches of
// matching records to the same worker code, retries a failed batch with backoff, and keeps a checkpoint per shard on
// disk, so stopping `npm start` and starting it again goes on after the last batch that was handled.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

export type StreamBatch = { Records: DynamoDBRecord[] };
export type StreamRunnerOptions = {
  endpoint: string;
  tableName: string;
  /** Where the last handled sequence number of each shard is kept. */
  checkpointPath: string;
  /** The records the worker takes (the event source mapping's filter). */
  filter: (record: DynamoDBRecord) => boolean;
  /**
   * The worker: answers the records it could not handle, as Lambda's partial batch response. `signal` aborts when the
   * runner stops: the worker hands back what it has not started, and the runner keeps it for the next start.
   */
  handle: (batch: StreamBatch, signal: AbortSignal) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  /** Attempts of a failing batch before it is given up (Lambda: maximumRetryAttempts); then `onGiveUp`. */
  maxAttempts?: number;
  onGiveUp?: (records: DynamoDBRecord[], error: unknown) => void;
  pollMs?: number;
  /** Records per call of `handle` (default 100). */
  batchSize?: number;
};

type Checkpoints = Record<string, string>;

export function startStreamRunner(o: StreamRunnerOptions) {
  const client = new DynamoDBStreamsClient({ endpoint: o.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const checkpoints: Checkpoints = existsSync(o.checkpointPath) ? (JSON.parse(readFileSync(o.checkpointPath, 'utf8')) as Checkpoints) : {};
  const iterators = new Map<string, string | undefined>();
  let stopped = false;
  const stopping = new AbortController();
  let idle: (() => void) | undefined;
  let busy = Promise.resolve();

  const save = () => {
    mkdirSync(dirname(o.checkpointPath), { recursive: true });
    writeFileSync(o.checkpointPath, JSON.stringify(checkpoints));
  };

  async function streamArn(): Promise<string | undefined> {
    const { Streams } = await client.send(new ListStreamsCommand({ TableName: o.tableName }));
    return Streams?.[0]?.StreamArn;
  }

  async function iteratorFor(arn: string, shardId: string): Promise<string | undefined> {
    if (iterators.has(shardId)) return iterators.get(shardId);
    const after = checkpoints[shardId];
    const out = await client.send(
      new GetShardIteratorCommand({
        StreamArn: arn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  /**
   * Runs the worker on a batch as the event source mapping does: partial failures and errors retry the rest. Answers
   * false when the runner stopped before the batch was through (it is not checkpointed, so the next start has it again).
   */
  async function deliver(records: DynamoDBRecord[]): Promise<boolean> {
    const attempts = o.maxAttempts ?? 5;
    let pending = records;
    for (let attempt = 1; pending.length; attempt += 1) {
      try {
        const { batchItemFailures } = await o.handle({ Records: pending }, stopping.signal);
        if (!batchItemFailures.length) return true;
        if (stopped) return false;
        const first = pending.findIndex((r) => batchItemFailures.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber));
        pending = first < 0 ? [] : pending.slice(first);
        if (!pending.length) return true;
        throw new Error(`${batchItemFailures.length} records failed`);
      } catch (error) {
        if (stopped) return false;
        if (attempt >= attempts) {
          o.onGiveUp?.(pending, error);
          return true;
        }
        await new Promise((r) => setTimeout(r, Math.min(10_000, 200 * 2 ** attempt)));
      }
    }
    return true;
  }

  async function pollOnce(): Promise<number> {
    const arn = await streamArn();
    if (!arn) return 0;
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: arn }));
    let seen = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      const iterator = await iteratorFor(arn, shardId);
      if (!iterator) continue;
      // Reads up to a thousand records at a time (most are not the worker's) and hands it batches of `batchSize`.
      const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(shardId, out.NextShardIterator);
      const records = (out.Records ?? []) as unknown as (_Record & DynamoDBRecord)[];
      if (!records.length) continue;
      seen += records.length;
      const wanted = records.filter((r) => o.filter(r));
      const size = o.batchSize ?? 100;
      for (let from = 0; from < wanted.length; from += size) {
        // A stop takes effect between batches: the batches handed over are checkpointed, the rest waits for the next start.
        const batch = wanted.slice(from, from + size);
        if (stopped || !(await deliver(batch))) return seen;
        checkpoints[shardId] = batch.at(-1)!.dynamodb!.SequenceNumber!;
        save();
      }
      checkpoints[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
      save();
    }
    return seen;
  }

  const loop = async () => {
    while (!stopped) {
      let seen = 0;
      busy = pollOnce().then(
        (n) => void (seen = n),
        (error: unknown) => {
          if (process.env.AMON_DEBUG_STREAMS) console.error('stream runner:', error);
        },
      );
      await busy;
      if (!seen) {
        idle?.();
        await new Promise((r) => setTimeout(r, o.pollMs ?? 250));
      }
    }
  };
  void loop();

  return {
    /** Resolves once the runner has read the stream to its end (for tests and the bench). */
    settled: () => new Promise<void>((resolve) => (idle = resolve)),
    /** Stops: the batch under way ends with the items already started, the rest waits for the next start. */
    async stop() {
      stopped = true;
      stopping.abort();
      await busy;
      client.destroy();
    },
  };
}
