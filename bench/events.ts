// P1 for events: what a public registration costs (DynamoDB calls and latency through the handler, the mail job in
// the same transaction), the staff's list of 200 registrations, and a cancellation that moves the first person up.
import type { RouteKey } from '../test/support/api.ts';
import type { Figure } from './figure.ts';
import { percentile, round } from './timing.ts';

const PEOPLE = 200;

export async function measureEvents(): Promise<Figure[]> {
  const { dynamoCalls } = await import('#functions/clients.ts');
  const { handler: events } = await import('#functions/events/handler.ts');
  const { handler: registration } = await import('#functions/registration/handler.ts');
  const { addDays, berlinDate } = await import('#shared/time.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  type Answer = { statusCode?: number; body?: string };
  const invoke = async (fn: typeof events, routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) => (await fn(apiEvent(routeKey, o), lambdaContext)) as Answer;
  const ok = (res: Answer, what: string) => {
    if (!res.statusCode || res.statusCode >= 300) throw new Error(`${what} answered ${res.statusCode}: ${res.body}`);
    return JSON.parse(res.body ?? 'null') as Record<string, unknown>;
  };
  const day = addDays(berlinDate(new Date()), 30);
  const event = ok(
    await invoke(events, 'POST /api/events', {
      body: {
        kind: 'conference',
        title: 'Bench-Fachtagung',
        startsAt: `${day}T09:30`,
        endsAt: `${day}T16:00`,
        place: 'Rostock',
        capacity: PEOPLE - 20,
        registrationDeadline: day,
        audience: 'public',
        fields: ['role'],
        published: true,
      },
      as: 'coordinator',
    }),
    'create',
  );
  const id = String(event.id);

  process.stdout.write(`  registering ${PEOPLE} people …\r`);
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < PEOPLE; i += 1) {
    const before = dynamoCalls.count;
    const t = performance.now();
    ok(
      await invoke(registration, 'POST /api/public/events/{id}/registrations', {
        params: { id },
        body: { name: `Person ${i}`, organisation: 'Jobcenter', email: `person${i}@bench.example`, role: 'Beratung', consent: true },
        as: 'anonymous',
      }),
      'register',
    );
    times.push(performance.now() - t);
    if (i === 10) calls = dynamoCalls.count - before;
  }
  times.sort((a, b) => a - b);

  const beforeList = dynamoCalls.count;
  const t0 = performance.now();
  const list = ok(await invoke(events, 'GET /api/events/{id}/registrations', { params: { id }, query: { limit: '100' }, as: 'coordinator' }), 'list');
  const listMs = performance.now() - t0;
  const listCalls = dynamoCalls.count - beforeList;
  const first = (list.items as { id: string }[])[0]!;

  const beforeCancel = dynamoCalls.count;
  const t1 = performance.now();
  ok(
    await invoke(events, 'POST /api/events/{id}/registrations/{registrationId}/cancel', { params: { id, registrationId: first.id }, as: 'coordinator' }),
    'cancel',
  );
  const cancelMs = performance.now() - t1;
  const cancelCalls = dynamoCalls.count - beforeCancel;

  return [
    { id: 'P1.event_register', name: 'public registration: DynamoDB calls (event, transaction with mail job)', value: calls, unit: 'calls' },
    {
      id: 'P1.event_register_p50',
      name: `public registration p50 (${PEOPLE} in turn, 20 onto the waiting list)`,
      value: round(percentile(times, 50), 1),
      unit: 'ms',
    },
    { id: 'P1.event_register_p99', name: 'public registration p99', value: round(percentile(times, 99), 1), unit: 'ms' },
    { id: 'P1.event_registrations', name: 'registrations page of 100 (Query, audit entry): calls', value: listCalls, unit: 'calls' },
    { id: 'P1.event_registrations_ms', name: 'registrations page of 100', value: round(listMs, 1), unit: 'ms' },
    { id: 'P1.event_cancel_move_up', name: 'staff cancel with the first waiting moving up: calls', value: cancelCalls, unit: 'calls' },
    { id: 'P1.event_cancel_move_up_ms', name: 'staff cancel with move-up', value: round(cancelMs, 1), unit: 'ms' },
  ];
}
