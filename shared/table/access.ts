// Table access used by every repository: get, one Query page with an opaque cursor, and transactions.
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Invalid } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import { TABLE, type IndexName } from './definition.ts';
import type { ItemKeys } from './keys.ts';

export type Db = { doc: DynamoDBDocumentClient; tableName: string };
export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const KEY_ATTRIBUTES = new Set<string>([
  TABLE.partitionKey,
  TABLE.sortKey,
  ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  TABLE.ttlAttribute,
]);

/** The record without its table keys. */
export function stripKeys<T>(item: Item): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

export async function getItem(db: Db, key: { pk: string; sk: string }, consistent = false): Promise<Item | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: consistent }));
  return out.Item;
}

/** Several items by key in one call (at most 100); missing ones are absent from the answer. */
export async function getItems(db: Db, itemKeys: { pk: string; sk: string }[], consistent = false): Promise<Item[]> {
  const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: itemKeys, ConsistentRead: consistent } } }));
  const unprocessed = out.UnprocessedKeys?.[db.tableName]?.Keys?.length ?? 0;
  if (unprocessed) throw new Error(`BatchGet left ${unprocessed} keys unprocessed`);
  return out.Responses?.[db.tableName] ?? [];
}

export type PageRequest = {
  index?: IndexName;
  partition: string;
  /** Sort keys that begin with this string. */
  sortPrefix?: string;
  /** Sort keys between these (inclusive). */
  sortBetween?: [string, string];
  cursor?: string | undefined;
  /** Items per page; undefined reads up to DynamoDB's 1 MB page. */
  limit: number | undefined;
  descending?: boolean;
  /** A filter on non-key attributes: expression and its values. The page may hold fewer items than the limit. */
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
};

/** One Query: a page of items and the cursor of the next page (null when this was the last). */
export async function queryPage(db: Db, req: PageRequest): Promise<Page<Item>> {
  const pkName = req.index ? `${req.index}pk` : TABLE.partitionKey;
  const skName = req.index ? `${req.index}sk` : TABLE.sortKey;
  const names: Record<string, string> = { '#pk': pkName, ...req.filter?.names };
  const values: Record<string, unknown> = { ':pk': req.partition, ...req.filter?.values };
  let condition = '#pk = :pk';
  if (req.sortPrefix) {
    names['#sk'] = skName;
    values[':prefix'] = req.sortPrefix;
    condition += ' AND begins_with(#sk, :prefix)';
  } else if (req.sortBetween) {
    names['#sk'] = skName;
    values[':from'] = req.sortBetween[0];
    values[':to'] = req.sortBetween[1];
    condition += ' AND #sk BETWEEN :from AND :to';
  }
  const out = await sendQuery(
    db,
    req.cursor !== undefined,
    new QueryCommand({
      TableName: db.tableName,
      IndexName: req.index,
      KeyConditionExpression: condition,
      FilterExpression: req.filter?.expression,
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: req.cursor ? decodeCursor(req.cursor, pkName, req.partition) : undefined,
      Limit: req.limit,
      ScanIndexForward: !req.descending,
    }),
  );
  return { items: out.Items ?? [], nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null };
}

/** A start key DynamoDB refuses (a cursor of another shape) is the caller's mistake, not the server's. */
async function sendQuery(db: Db, withCursor: boolean, command: QueryCommand) {
  try {
    return await db.doc.send(command);
  } catch (error) {
    if (withCursor && (error as { name?: string }).name === 'ValidationException') throw new Invalid([{ path: 'cursor', message: 'ungültiger Cursor' }]);
    throw error;
  }
}

/** Reads every page of a partition: for jobs and maintenance, never for a request path with open size. */
export async function queryAll(db: Db, req: Omit<PageRequest, 'cursor' | 'limit'>, pageSize: number | 'up-to-1MB' = 1000): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(db, { ...req, cursor, limit: pageSize === 'up-to-1MB' ? undefined : pageSize });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor is only accepted for the partition it came from, so it cannot open another list. */
export function decodeCursor(cursor: string, pkName: string, partition: string): Item {
  const invalid = new Invalid([{ path: 'cursor', message: 'ungültiger Cursor' }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || (key as Item)[pkName] !== partition) throw invalid;
  const values = Object.values(key as Item);
  if (values.length > 6 || values.some((v) => typeof v !== 'string')) throw invalid;
  return key as Item;
}

/** The reason each item of a cancelled transaction gave, in order; undefined for other errors. */
export function cancellationReasons(error: unknown): (string | undefined)[] | undefined {
  if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).map((r) => r.Code);
  return undefined;
}

/** Writes one item unconditionally (audit entries of reads). */
export async function putItem(db: Db, item: Item & { pk: string; sk: string }): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: item }));
}

/** Writes unconditional items (audit entries of a list read) in batches of 25, retrying what DynamoDB leaves unprocessed. */
export async function putItems(db: Db, items: (Item & { pk: string; sk: string })[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt += 1) {
      if (attempt > 8) throw new Error(`BatchWrite left ${requests.length} items unprocessed`);
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
      requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
    }
  }
}

/** Writes all items or none. */
export async function transact(db: Db, items: TransactItem[]): Promise<void> {
  await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
}

export const put = (db: Db, item: Item & ItemKeys, condition?: string, values?: Item, names?: Record<string, string>): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: item,
    ConditionExpression: condition,
    ExpressionAttributeValues: values,
    ExpressionAttributeNames: names,
  },
});

/**
 * An Update that sets every given attribute, adds to the given counters and removes the named ones,
 * leaving all others (counters that concurrent writers ADD to) as they are. Zero additions are left out.
 */
export function setAttributes(
  db: Db,
  key: { pk: string; sk: string },
  fields: Item,
  o: { add?: Record<string, number>; remove?: string[]; condition?: string; values?: Item; names?: Record<string, string>; ifMissing?: Item } = {},
): TransactItem {
  const entries = Object.entries(fields).filter(([name, v]) => v !== undefined && name !== 'pk' && name !== 'sk');
  const names: Record<string, string> = { ...o.names };
  const values: Item = { ...o.values };
  const sets = entries.map(([name, v], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = v;
    return `#a${i} = :a${i}`;
  });
  // Set only when absent (e.g. createdAt on an upsert).
  Object.entries(o.ifMissing ?? {}).forEach(([name, v], i) => {
    names[`#m${i}`] = name;
    values[`:m${i}`] = v;
    sets.push(`#m${i} = if_not_exists(#m${i}, :m${i})`);
  });
  const adds = Object.entries(o.add ?? {})
    .filter(([, d]) => d !== 0)
    .map(([name, d], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = d;
      return `#c${i} :c${i}`;
    });
  const removes = (o.remove ?? []).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  return {
    Update: {
      TableName: db.tableName,
      Key: key,
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', adds.length ? `ADD ${adds.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
      ConditionExpression: o.condition,
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
    },
  };
}
