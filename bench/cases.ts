// P1 and P2 for cases: with 10,000 cases and 100,000 children, what a case read, a list page and a status change cost.
import type { RouteKey } from '../test/support/api.ts';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from '#shared/ids.ts';
import type { Figure } from './figure.ts';
import { pairedLatency } from './paired.ts';

const CASES = 10_000;
const CHILDREN_PER_CASE = 10;

export async function measureCases(): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { handler } = await import('#functions/cases/handler.ts');
  const { caseItem } = await import('#shared/cases/repository.ts');
  const { keys } = await import('#shared/table/keys.ts');
  const { patterns } = await import('#shared/table/patterns.ts');
  const { occupationsService } = await import('#shared/occupations/domain.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  const { aCase } = await import('../test/support/builders.ts');
  const db = database();
  await occupationsService(db).seedShipped();
  const invoke = (routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) =>
    handler(apiEvent(routeKey, { as: 'counsellor', userId: 'bench-counsellor', ...o }), lambdaContext);

  const now = Date.now();
  const items: Record<string, unknown>[] = [];
  const flush = async () => {
    const batches: Record<string, unknown>[][] = [];
    while (items.length) batches.push(items.splice(0, 25));
    for (let i = 0; i < batches.length; i += 8) {
      await Promise.all(
        batches
          .slice(i, i + 8)
          .map((b) => db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: b.map((Item) => ({ PutRequest: { Item } })) } }))),
      );
    }
  };
  for (let i = 0; i < CASES; i += 1) {
    if (i % 500 === 0) process.stdout.write(`  seeding cases ${i}/${CASES} …\r`);
    const id = ulid(now - i * 60_000);
    const at = new Date(now - i * 60_000).toISOString();
    const input = aCase();
    items.push(
      caseItem({
        id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        number: `2026-${String(i).padStart(5, '0')}`,
        participant: input.participant,
        consent: input.consent,
        counsellorId: `bench-counsellor-${i % 10}`,
        status: 'counselling',
        statusSince: at,
      }),
    );
    for (let j = 0; j < CHILDREN_PER_CASE; j += 1) {
      const childId = ulid(now - i * 60_000 + j);
      items.push({
        ...keys.caseChild(id, 'sessions', childId),
        id: childId,
        version: 1,
        createdAt: at,
        updatedAt: at,
        date: '2026-10-01',
        kind: 'counselling',
        minutes: 45,
        notes: 'Beratungstermin',
        followUpDone: true,
      });
    }
    if (items.length >= 2000) await flush();
  }
  await flush();

  const created = JSON.parse((await invoke('POST /api/cases', { body: aCase() })).body as string) as { id: string; version: number };
  for (let j = 0; j < CHILDREN_PER_CASE; j += 1)
    await invoke('POST /api/cases/{id}/sessions', { params: { id: created.id }, body: { date: '2026-10-01', kind: 'counselling', minutes: 45 } });
  const count = async (fn: () => Promise<unknown>) => {
    const before = { ...dynamoCalls.byCommand };
    await fn();
    return Object.fromEntries(
      Object.entries(dynamoCalls.byCommand)
        .map(([k, v]) => [k, v - (before[k] ?? 0)])
        .filter(([, v]) => (v as number) > 0),
    ) as Record<string, number>;
  };
  const read = await count(() => invoke('GET /api/cases/{id}', { params: { id: created.id } }));
  const list = await count(() => invoke('GET /api/cases', { query: { view: 'updated', limit: '25' } }));
  const current = JSON.parse((await invoke('GET /api/cases/{id}', { params: { id: created.id } })).body as string) as { version: number };
  const move = await count(() => invoke('POST /api/cases/{id}/moves', { params: { id: created.id }, body: { to: 'intake', version: current.version } }));

  const figures: Figure[] = [
    {
      id: 'P1.case_get_queries',
      name: `case with all children (${CHILDREN_PER_CASE + 1} items): Queries (+ ${read.PutItemCommand ?? 0} audit Put)`,
      value: read.QueryCommand ?? 0,
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.case_list_queries',
      name: `case list page of 25: Queries (+ ${list.PutItemCommand ?? 0} audit Put)`,
      value: list.QueryCommand ?? 0,
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.case_move_writes',
      name: `status change: TransactWrites (after ${move.QueryCommand ?? 0} Query of the case)`,
      value: move.TransactWriteItemsCommand ?? 0,
      unit: 'calls',
      goal: '= 1',
    },
  ];

  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { auditItem } = await import('#shared/audit/entry.ts');
  const actor = { id: 'bench-counsellor', email: '', roles: ['counsellor'] };
  const caseQuery = () =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': patterns.caseWithChildren.partitionOf(created.id) },
      }),
    );
  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      // The same access as the handler makes: every case read is a Query and, beside it, the audit Put.
      'case_get_audited',
      () => invoke('GET /api/cases/{id}', { params: { id: created.id } }),
      () =>
        Promise.all([
          caseQuery(),
          db.doc.send(new PutCommand({ TableName: db.tableName, Item: auditItem(actor, 'read', 'case', created.id, ['*'], new Date()) })),
        ]),
    ],
    [
      'case_list',
      // The same access as the handler makes: the page's Query and, beside it, the list read's audit Put.
      () => invoke('GET /api/cases', { query: { view: 'updated', limit: '25' } }),
      () =>
        Promise.all([
          db.doc.send(
            new QueryCommand({
              TableName: db.tableName,
              IndexName: 'gsi4',
              KeyConditionExpression: 'gsi4pk = :pk',
              ExpressionAttributeValues: { ':pk': patterns.casesByUpdate.partitionOf() },
              Limit: 25,
              ScanIndexForward: false,
            }),
          ),
          db.doc.send(
            new PutCommand({
              TableName: db.tableName,
              Item: { ...auditItem(actor, 'read', 'case-list', ulid(), ['firstName', 'lastName', 'status'], new Date()), view: 'updated' },
            }),
          ),
        ]),
    ],
  ];
  for (const [name, viaHandler, raw] of pairs) figures.push(...(await pairedLatency(name, name.replace(/_/g, ' '), viaHandler, raw)));
  return figures;
}
