// P1 for matching: ranking one case against 2,000 open needs (all in the case's occupation group, the worst case)
// costs at most 3 Queries; and how long that ranking takes, end to end and the scoring alone.
import type { Figure } from './figure.ts';
import { percentile, round } from './timing.ts';

const NEEDS = 2000;

export async function measureMatching(): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { casesService } = await import('#shared/cases/domain.ts');
  const { companiesService } = await import('#shared/companies/domain.ts');
  const { matchingService } = await import('#shared/matching/domain.ts');
  const { profileOf } = await import('#shared/matching/profile.ts');
  const { score } = await import('#shared/matching/score.ts');
  const { needRepository } = await import('#shared/needs/repository.ts');
  const { occupationId, occupationsService } = await import('#shared/occupations/domain.ts');
  const { ulid } = await import('ulid');
  const { mapLimit } = await import('#shared/concurrency.ts');
  const { writeSet } = await import('#shared/table/write-set.ts');
  const { DISTRICTS } = await import('#shared/regions.ts');
  const { TIMEFRAMES } = await import('#shared/surveys/questions.ts');
  const { aCase, aCompany } = await import('../test/support/builders.ts');
  const db = database();
  const actor = { id: 'bench-counsellor', email: 'bench@amon.local', roles: ['counsellor' as const] };
  await occupationsService(db).seedShipped();

  process.stdout.write(`  seeding ${NEEDS} open needs in one occupation group …\r`);
  const company = await companiesService(db).create(aCompany({ name: 'Bench Lager GmbH' }), actor);
  const repo = needRepository(db);
  // Hotel occupations (KldB 2010 group 632, real codes): no other part of the bench states needs there.
  const codes = ['63222', '63221', '63212', '63213', '63293', '63294'];
  const now = new Date().toISOString();
  const needs = Array.from({ length: NEEDS }, (_, i) => ({
    id: ulid(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    source: 'manual' as const,
    companyId: company.id,
    companyName: `Bench Betrieb ${String(i).padStart(4, '0')} GmbH & Co. KG`,
    wzSection: 'H',
    district: DISTRICTS[i % 8]!,
    postcode: '18147',
    occupation: codes[i % codes.length]!,
    occupationTitle: 'Hotelfachmann/-frau',
    headcount: 1 + (i % 3),
    placed: 0,
    timeframe: TIMEFRAMES[i % 4]!,
    conditions: { partTime: i % 2 === 0, lowSkilled: i % 3 === 0, migrant: i % 5 !== 0, ...(i % 4 === 0 ? { germanLevel: 'B1' as const } : {}) },
    statedOn: now.slice(0, 10),
    status: 'open' as const,
    statusSince: now,
    note: 'Betriebsbesuch, Gespräch mit der Geschäftsführung',
  }));
  const batches = Array.from({ length: NEEDS / 25 }, (_, b) => needs.slice(b * 25, b * 25 + 25));
  await mapLimit(batches, 4, (batch) => {
    const change = writeSet(db);
    for (const n of batch) repo.put(n, undefined, change);
    return change.commit();
  });

  const cases = casesService(db);
  let c = await cases.create(
    aCase({ participant: { district: 'rostock_city', car: true, drivingLicence: true }, targetOccupationId: occupationId('63222', 'Hotelfachmann/-frau') }),
    actor,
  );
  for (const to of ['intake', 'counselling'] as const) c = await cases.move(c.id, { to, version: c.version }, actor);
  const matching = matchingService(db);

  const before = { ...dynamoCalls.byCommand };
  const ranked = await matching.suggestions(c.id, actor);
  const queries = (dynamoCalls.byCommand.QueryCommand ?? 0) - (before.QueryCommand ?? 0);
  const scans = (dynamoCalls.byCommand.ScanCommand ?? 0) - (before.ScanCommand ?? 0);
  if (ranked.searched?.openNeeds !== NEEDS) throw new Error(`ranked against ${ranked.searched?.openNeeds} needs, not ${NEEDS}`);

  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) await matching.suggestions(c.id, actor);
  for (let i = 0; i < 30; i += 1) {
    const t = performance.now();
    await matching.suggestions(c.id, actor);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  // The scoring and sorting alone, on the needs as read.
  const open = await repo.openInGroup('63222');
  const found = profileOf((await cases.repo.load(c.id)).case);
  if (!('profile' in found)) throw new Error('the bench case cannot be matched');
  const pure: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const t = performance.now();
    open.map((n) => score(found.profile, n, now.slice(0, 10))).sort((a, b) => b.total - a.total);
    pure.push(performance.now() - t);
  }
  pure.sort((a, b) => a - b);

  return [
    { id: 'P1.match_rank_queries', name: `DynamoDB Queries: rank one case against ${NEEDS} open needs`, value: queries + scans, unit: 'calls', goal: '≤ 3' },
    { id: 'P1.match_rank_p50', name: `rank one case against ${NEEDS} open needs, end to end, p50`, value: round(percentile(times, 50), 1), unit: 'ms' },
    { id: 'P1.match_rank_p95', name: `rank one case against ${NEEDS} open needs, end to end, p95`, value: round(percentile(times, 95), 1), unit: 'ms' },
    { id: 'P1.match_score_p50', name: `score and sort ${NEEDS} needs in memory, p50`, value: round(percentile(pure, 50), 1), unit: 'ms' },
  ];
}
