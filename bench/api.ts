// P1 and P2 for the members slice: DynamoDB calls per request, and handler latency against the raw SDK call.
import type { RouteKey } from '../test/support/api.ts';
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from '#shared/ids.ts';
import type { Figure } from './figure.ts';

import { pairedLatency } from './paired.ts';

const MEMBERS = 10_000;

type Call = () => Promise<unknown>;

export async function measureApi(): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { handler } = await import('#functions/members/handler.ts');
  const { memberItem } = await import('#shared/members/repository.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  const { aMember } = await import('../test/support/builders.ts');
  const db = database();
  const invoke = (routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) => handler(apiEvent(routeKey, o), lambdaContext);

  process.stdout.write(`  seeding ${MEMBERS} members …\r`);
  const now = new Date().toISOString();
  for (let i = 0; i < MEMBERS; i += 25) {
    const batch = Array.from({ length: Math.min(25, MEMBERS - i) }, (_, j) => {
      const input = aMember({ name: `Bench Partner ${String(i + j).padStart(5, '0')}`, kind: (['chamber', 'company', 'union'] as const)[(i + j) % 3] });
      return { PutRequest: { Item: memberItem({ ...input, id: ulid(), version: 1, createdAt: now, updatedAt: now }) } };
    });
    await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch } }));
  }

  const created = JSON.parse((await invoke('POST /api/members', { body: aMember({ name: 'Bench Messpunkt' }), as: 'coordinator' })).body as string) as {
    id: string;
  };
  const calls = async (fn: Call) => {
    const before = dynamoCalls.count;
    await fn();
    return dynamoCalls.count - before;
  };
  let version = 1;
  // The first request of a user in a process also reads the user's session mark (cached 5 s): counted on its own.
  const firstOfUser = await calls(() => invoke('GET /api/members/{id}', { params: { id: created.id } }));
  const p1: Figure[] = [
    { id: 'P1.calls_get_first', name: "DynamoDB calls: a user's first GET /api/members/{id} (+ session mark)", value: firstOfUser, unit: 'calls', goal: '= 2' },
    {
      id: 'P1.calls_get',
      name: 'DynamoDB calls: GET /api/members/{id}',
      value: await calls(() => invoke('GET /api/members/{id}', { params: { id: created.id } })),
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.calls_list',
      name: 'DynamoDB calls: GET /api/members (one page, prefix search)',
      value: await calls(() => invoke('GET /api/members', { query: { q: 'bench partner 01' } })),
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.calls_create',
      name: 'DynamoDB calls: POST /api/members',
      value: await calls(() => invoke('POST /api/members', { body: aMember(), as: 'coordinator' })),
      unit: 'calls',
      goal: '= 1',
    },
    {
      id: 'P1.calls_update',
      name: 'DynamoDB calls: PUT /api/members/{id}',
      value: await calls(() =>
        invoke('PUT /api/members/{id}', {
          params: { id: created.id },
          body: { ...aMember({ name: 'Bench Messpunkt' }), version: version++ },
          as: 'coordinator',
        }),
      ),
      unit: 'calls',
      goal: '≤ 2',
    },
  ];

  const pairs: [string, Call, Call][] = [
    [
      'get',
      () => invoke('GET /api/members/{id}', { params: { id: created.id } }),
      () => db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: `MEMBER#${created.id}`, sk: 'MEMBER' } })),
    ],
    [
      'list',
      () => invoke('GET /api/members', { query: { kind: 'chamber', limit: '25' } }),
      () =>
        db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: { ':pk': 'MEMBERS#KIND#chamber' },
            Limit: 25,
          }),
        ),
    ],
  ];
  const p2: Figure[] = [];
  for (const [name, viaHandler, raw] of pairs) p2.push(...(await pairedLatency(name, `members ${name}`, viaHandler, raw)));
  return [...p1, ...p2];
}
