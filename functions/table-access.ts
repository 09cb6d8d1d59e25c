// Least privilege on the table: each function declares the partitions it may read and write, as IAM's
// dynamodb:LeadingKeys patterns. CDK turns the declaration into the function's policy; here the same patterns are
// checked on every call, so a function that reaches beyond its declaration fails locally and in tests as in AWS.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';

/** Partition key patterns (IAM StringLike: `*` any run, `?` one character) of the table and of its GSIs. */
export type TableAccess = { read: readonly string[]; write: readonly string[] };

/** The IAM actions behind each kind of access: Scan is in neither, so no function can Scan. */
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

const running = new AsyncLocalStorage<{ name: string; access: TableAccess }>();

/** Runs `fn` as the function `name` with its declared table access (the API middleware and the jobs do this). */
export const withTableAccess = <T>(name: string, access: TableAccess, fn: () => Promise<T>): Promise<T> => running.run({ name, access }, fn);

export class TableAccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
}

const toRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
const compiled = new Map<string, RegExp>();
export const matchesPattern = (pattern: string, key: string) => {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = toRegExp(pattern)));
  return re.test(key);
};

type Input = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as { S?: unknown } | undefined)?.S === 'string' ? (v as { S: string }).S : undefined;
const pkOf = (item: unknown) => str((item as Input | undefined)?.pk);

/** The leading keys a command reads and writes, as IAM sees them: the pk, or for a Query the partition it reads. */
export function leadingKeys(command: string, input: Input): { read: (string | undefined)[]; write: (string | undefined)[]; other?: true } {
  switch (command) {
    case 'GetItemCommand':
      return { read: [pkOf(input.Key)], write: [] };
    case 'QueryCommand':
      return { read: [str((input.ExpressionAttributeValues as Input | undefined)?.[':pk'])], write: [] };
    case 'PutItemCommand':
      return { read: [], write: [pkOf(input.Item)] };
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return { read: [], write: [pkOf(input.Key)] };
    case 'BatchGetItemCommand':
      return { read: Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((r) => (r.Keys ?? []).map(pkOf)), write: [] };
    case 'BatchWriteItemCommand':
      return {
        read: [],
        write: Object.values((input.RequestItems ?? {}) as Record<string, Input[]>).flatMap((rs) =>
          rs.map((r) => pkOf((r.PutRequest as Input | undefined)?.Item ?? (r.DeleteRequest as Input | undefined)?.Key)),
        ),
      };
    case 'TransactWriteItemsCommand': {
      const items = (input.TransactItems ?? []) as Input[];
      return {
        read: items.flatMap((t) => (t.ConditionCheck ? [pkOf((t.ConditionCheck as Input).Key)] : [])),
        write: items.flatMap((t) =>
          t.Put ? [pkOf((t.Put as Input).Item)] : t.Update ? [pkOf((t.Update as Input).Key)] : t.Delete ? [pkOf((t.Delete as Input).Key)] : [],
        ),
      };
    }
    default:
      // Scan, PartiQL, table management: nothing a function is granted.
      return { read: [], write: [], other: true };
  }
}

/** Throws when the running function's declaration does not cover the command (outside a function: seed, scripts). */
export function checkTableAccess(command: string, input: Input): void {
  const fn = running.getStore();
  if (!fn) return;
  const { read, write, other } = leadingKeys(command, input);
  const record = process.env.AMON_RECORD_TABLE_ACCESS;
  if (record) appendFileSync(record, read.map((k) => `${fn.name}\tread\t${k}\n`).join('') + write.map((k) => `${fn.name}\twrite\t${k}\n`).join(''));
  if (other) throw new TableAccessDenied(`${fn.name} may not call ${command}`);
  for (const [kind, keys] of [
    ['read', read],
    ['write', write],
  ] as const) {
    for (const key of keys) {
      if (key === undefined || !fn.access[kind].some((p) => matchesPattern(p, key))) {
        throw new TableAccessDenied(`${fn.name} may not ${kind} the partition ${key === undefined ? '(unknown)' : key.split('#')[0]}`);
      }
    }
  }
}
