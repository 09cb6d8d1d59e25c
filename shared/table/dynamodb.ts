// The DynamoDB adapter: the only module that builds key conditions, filter, condition and update expressions and
// sends commands. Everything above it declares items, guards and queries (shared/table/port.ts).
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { Invalid } from '../errors.ts';
import { TABLE } from './definition.ts';
import { ConditionFailed, Contention, type Db, type Guard, type Item, type Key, type QueryInput, type Write } from './port.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Attribute names and values of one expression, numbered per kind so parts never collide. */
class Expression {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private n = 0;
  /** A reference of a fixed name (the partition of a Query is `:pk`, which the run-time access check reads). */
  named(ref: string, attribute: string, v: unknown): [string, string] {
    this.names[`#${ref}`] = attribute;
    this.values[`:${ref}`] = v;
    return [`#${ref}`, `:${ref}`];
  }
  name(attribute: string): string {
    const ref = `#n${this.n++}`;
    this.names[ref] = attribute;
    return ref;
  }
  value(v: unknown): string {
    const ref = `:v${this.n++}`;
    this.values[ref] = v;
    return ref;
  }
  get attributes() {
    return {
      ExpressionAttributeNames: Object.keys(this.names).length ? this.names : undefined,
      ExpressionAttributeValues: Object.keys(this.values).length ? this.values : undefined,
    };
  }
}

function condition(guard: Guard | undefined, e: Expression): string | undefined {
  if (!guard) return undefined;
  const equal = (values: Record<string, unknown>) =>
    Object.entries(values)
      .map(([k, v]) => `${e.name(k)} = ${e.value(v)}`)
      .join(' AND ');
  if ('absent' in guard) return `attribute_not_exists(${e.name(TABLE.partitionKey)})`;
  if ('exists' in guard) return `attribute_exists(${e.name(TABLE.partitionKey)})`;
  if ('equals' in guard) return equal(guard.equals);
  return `attribute_not_exists(${e.name(TABLE.partitionKey)}) OR (${equal(guard.absentOrEquals)})`;
}

/** The SDK's input for one write, with its condition; shared by single writes and transactions. */
function writeInput(tableName: string, w: Write) {
  const e = new Expression();
  if ('put' in w) {
    const c = condition(w.guard, e);
    return { kind: 'Put' as const, input: { TableName: tableName, Item: w.put, ConditionExpression: c, ...e.attributes } };
  }
  if ('delete' in w) {
    const c = condition(w.guard, e);
    return { kind: 'Delete' as const, input: { TableName: tableName, Key: w.delete, ConditionExpression: c, ...e.attributes } };
  }
  const keyNames = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  const sets = Object.entries(w.set ?? {})
    .filter(([k, v]) => v !== undefined && !keyNames.has(k))
    .map(([k, v]) => `${e.name(k)} = ${e.value(v)}`);
  for (const [k, v] of Object.entries(w.setIfMissing ?? {})) {
    const ref = e.name(k);
    sets.push(`${ref} = if_not_exists(${ref}, ${e.value(v)})`);
  }
  const adds = Object.entries(w.add ?? {})
    .filter(([, d]) => d !== 0)
    .map(([k, d]) => `${e.name(k)} ${e.value(d)}`);
  const removes = (w.remove ?? []).map((k) => e.name(k));
  const update = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const c = condition(w.guard, e);
  return { kind: 'Update' as const, input: { TableName: tableName, Key: w.update, UpdateExpression: update, ConditionExpression: c, ...e.attributes } };
}

/** The TransactWriteItems entries of declared writes (the bench sends them raw to measure the layer's cost). */
export const transactItemsOf = (tableName: string, writes: Write[]): TransactItem[] =>
  writes.map((w) => {
    const { kind, input } = writeInput(tableName, w);
    return { [kind]: input };
  });

const isConditionalCheckFailed = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

export class DynamoTable implements Db {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get(key: Key, consistent = false): Promise<Item | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }));
    return out.Item;
  }

  async getMany(keys: Key[], consistent = false): Promise<Item[]> {
    if (!keys.length) return [];
    const out = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: consistent } } }));
    const unprocessed = out.UnprocessedKeys?.[this.tableName]?.Keys?.length ?? 0;
    if (unprocessed) throw new Error(`BatchGet left ${unprocessed} keys unprocessed`);
    return out.Responses?.[this.tableName] ?? [];
  }

  async query(q: QueryInput): Promise<{ items: Item[]; lastKey?: Item }> {
    const index = q.index ? TABLE.indexes.find((i) => i.name === q.index)! : undefined;
    const e = new Expression();
    const [pkName, pkValue] = e.named('pk', index?.partitionKey ?? TABLE.partitionKey, q.partition);
    let key = `${pkName} = ${pkValue}`;
    const sortName = index?.sortKey ?? TABLE.sortKey;
    if (q.sort && 'prefix' in q.sort) key += ` AND begins_with(${e.name(sortName)}, ${e.value(q.sort.prefix)})`;
    else if (q.sort) key += ` AND ${e.name(sortName)} BETWEEN ${e.value(q.sort.between[0])} AND ${e.value(q.sort.between[1])}`;
    const filters = Object.entries(q.filter ?? {}).map(([k, v]) => `${e.name(k)} = ${e.value(v)}`);
    try {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: q.index,
          KeyConditionExpression: key,
          FilterExpression: filters.length ? filters.join(' AND ') : undefined,
          ...e.attributes,
          ExclusiveStartKey: q.startKey,
          Limit: q.limit,
          ScanIndexForward: !q.descending,
        }),
      );
      return { items: out.Items ?? [], ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
    } catch (error) {
      // A start key DynamoDB refuses (a cursor of another shape) is the caller's mistake, not the server's.
      if (q.startKey && (error as { name?: string }).name === 'ValidationException') throw new Invalid([{ path: 'cursor', message: 'ungültiger Cursor' }]);
      throw error;
    }
  }

  async write(w: Write, o: { returnNew?: boolean } = {}): Promise<Item | undefined> {
    const { kind, input } = writeInput(this.tableName, w);
    try {
      if (kind === 'Put') await this.doc.send(new PutCommand(input));
      else if (kind === 'Delete') await this.doc.send(new DeleteCommand(input));
      else return (await this.doc.send(new UpdateCommand({ ...input, ReturnValues: o.returnNew ? 'ALL_NEW' : undefined }))).Attributes;
      return undefined;
    } catch (error) {
      throw isConditionalCheckFailed(error) ? new ConditionFailed(0) : error;
    }
  }

  async putMany(items: (Item & Key)[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt += 1) {
        if (attempt > 8) throw new Error(`BatchWrite left ${requests.length} items unprocessed`);
        if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  async transact(writes: Write[]): Promise<void> {
    if (!writes.length) return;
    const items = transactItemsOf(this.tableName, writes);
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      // The one place cancellation reasons are read: the first failed condition names the write that failed.
      const reasons =
        (error as { name?: string; CancellationReasons?: { Code?: string }[] }).name === 'TransactionCanceledException'
          ? ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
          : [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw new ConditionFailed(failed);
      throw reasons.some((r) => r.Code === 'TransactionConflict') ? new Contention() : error;
    }
  }
}

export const dynamoTable = (doc: DynamoDBDocumentClient, tableName: string): DynamoTable => new DynamoTable(doc, tableName);
