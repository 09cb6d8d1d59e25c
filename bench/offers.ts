// P1 for the offer catalogue: with 2,000 offers of the region, what a search costs (DynamoDB calls, latency through
// the handler), and the overview of demand beside supply that reads every current offer and open need.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from '#shared/ids.ts';
import type { RouteKey } from '../test/support/api.ts';
import type { Figure } from './figure.ts';
import { percentile, round } from './timing.ts';

const OFFERS = 2000;

export async function measureOffers(): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { handler } = await import('#functions/offers/handler.ts');
  const { handler: catalogue } = await import('#functions/catalogue/handler.ts');
  const { offers } = await import('#shared/offers/repository.ts');
  const { DISTRICTS } = await import('#shared/regions.ts');
  const { SHIPPED_OCCUPATIONS } = await import('#shared/occupations/catalogue.ts');
  const { addDays, berlinDate } = await import('#shared/time.ts');
  const { apiEvent, lambdaContext } = await import('../test/support/api.ts');
  const db = database();
  const invoke = (fn: typeof handler, routeKey: RouteKey, o: Parameters<typeof apiEvent>[1]) => fn(apiEvent(routeKey, o), lambdaContext);

  process.stdout.write(`  seeding ${OFFERS} offers …\r`);
  const today = berlinDate(new Date());
  const now = new Date().toISOString();
  const codes = SHIPPED_OCCUPATIONS.map((o) => o.code);
  for (let i = 0; i < OFFERS; i += 25) {
    const batch = Array.from({ length: Math.min(25, OFFERS - i) }, (_, j) => {
      const n = i + j;
      const code = codes[n % codes.length]!;
      const startDates = [addDays(today, (n % 90) - 30), addDays(today, 30 + (n % 200))];
      const offer = {
        id: ulid(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        providerMemberId: ulid(),
        providerName: `Bench Bildungsträger ${n % 40}`,
        title: `Qualifizierungsbaustein ${n}: Grundlagen und Praxis im Betrieb`,
        occupationCode: code,
        occupationSubgroup: code.slice(0, 4),
        kind: 'qualification_module' as const,
        hours: 140 + (n % 280),
        format: 'part_time' as const,
        places: 8 + (n % 10),
        startDates,
        lastStart: startDates[1]!,
        district: DISTRICTS[n % DISTRICTS.length]!,
        place: 'Rostock, Schweriner Straße 10',
        costEuro: 2000 + (n % 30) * 100,
        azav: n % 4 !== 0,
        contact: { name: 'Anja Becker', email: 'becker@bench.example' },
        description: 'Modul mit Zertifikat des Trägers, berufsbegleitend, mit Praxisphasen im Betrieb.',
      };
      return { PutRequest: { Item: offers.item(offer) } };
    });
    await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch } }));
  }

  /** DynamoDB calls of one request, then its latency over 40 runs (after 5 warm-up runs). */
  const measure = async (fn: typeof handler, routeKey: RouteKey, query: Record<string, string>, as?: 'counsellor') => {
    const run = () => invoke(fn, routeKey, { query, ...(as ? { as } : { as: 'anonymous' }) });
    await run();
    const before = dynamoCalls.count;
    const res = await run();
    if (res.statusCode !== 200) throw new Error(`${routeKey} answered ${res.statusCode}: ${String(res.body)}`);
    const calls = dynamoCalls.count - before;
    for (let i = 0; i < 5; i += 1) await run();
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { calls, p50: round(percentile(times, 50), 1), body: JSON.parse(String(res.body)) as { items?: unknown[]; groups?: unknown[] } };
  };

  const group = await measure(handler, 'GET /api/offers', { occupation: '513', limit: '25' }, 'counsellor');
  const filtered = await measure(handler, 'GET /api/offers', { occupation: '51312', district: 'rostock_city', limit: '25' }, 'counsellor');
  const open = await measure(catalogue, 'GET /api/catalogue', { limit: '20' });
  const demand = await measure(handler, 'GET /api/offers/demand', {}, 'counsellor');
  if (group.body.items?.length !== 25 || filtered.body.items?.length === 0) throw new Error('the offers search found too few offers');
  return [
    {
      id: 'P1.offers_group_calls',
      name: `DynamoDB calls: offers of a 3-digit group (${OFFERS} offers), page of 25`,
      value: group.calls,
      unit: 'calls',
      goal: '= 1',
    },
    { id: 'P1.offers_group_p50', name: `offers of a 3-digit group, page of 25, p50`, value: group.p50, unit: 'ms' },
    {
      id: 'P1.offers_filtered_calls',
      name: 'DynamoDB calls: one occupation in one district (filtered, full page)',
      value: filtered.calls,
      unit: 'calls',
      goal: '≤ 2',
    },
    { id: 'P1.offers_filtered_p50', name: 'one occupation in one district, p50', value: filtered.p50, unit: 'ms' },
    { id: 'P1.catalogue_p50', name: 'public catalogue, first page of 20, p50', value: open.p50, unit: 'ms' },
    { id: 'P1.demand_calls', name: `DynamoDB calls: demand beside supply over ${OFFERS} offers`, value: demand.calls, unit: 'calls', goal: '≤ 6' },
    { id: 'P1.demand_p50', name: `demand beside supply over ${OFFERS} offers, p50`, value: demand.p50, unit: 'ms' },
  ];
}
