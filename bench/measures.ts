// P1 for group measures: a bulk step for a roster of 28 (one module completed with its certificate): the request
// that starts the job, and the job's 28 items, each its case's own transaction with history line and audit entry.
import type { Figure } from './figure.ts';
import { round } from './timing.ts';

const ROSTER = 28;

export async function measureMeasures(): Promise<Figure[]> {
  const { database, dynamoCalls } = await import('#functions/clients.ts');
  const { casesService } = await import('#shared/cases/domain.ts');
  const { companiesService } = await import('#shared/companies/domain.ts');
  const { membersService } = await import('#shared/members/domain.ts');
  const { measuresService } = await import('#shared/measures/domain.ts');
  const { occupationId, occupationsService } = await import('#shared/occupations/domain.ts');
  const { jobKinds } = await import('#functions/jobs/worker/kinds.ts');
  const { jobEngine } = await import('#shared/jobs/engine.ts');
  const { jobRepository } = await import('#shared/jobs/repository.ts');
  const { aCase, aCompany, aMember } = await import('../test/support/builders.ts');
  const db = database();
  const actor = { id: 'bench-counsellor', email: 'bench@amon.local', roles: ['counsellor' as const] };
  await occupationsService(db).seedShipped();
  process.stdout.write(`  seeding a measure with ${ROSTER} participants …\r`);
  const company = await companiesService(db).create(aCompany({ name: 'Bench Kunststoff GmbH' }), actor);
  const provider = await membersService(db).create(aMember({ name: 'Bench Bildungsträger' }), { ...actor, roles: ['coordinator'] });
  const measures = measuresService(db);
  const target = occupationId('22102', 'Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik');
  const measure = await measures.create(
    {
      title: 'Bench Kunststoff',
      targetOccupationId: target,
      companyId: company.id,
      providerMemberId: provider.id,
      startDate: '2026-01-05',
      endDate: '2026-12-18',
      plannedPlaces: ROSTER,
      womenTargetPercent: 25,
      modules: [
        { title: 'QB 1', kind: 'qualification_module', startDate: '2026-01-05', endDate: '2026-04-30', hours: 320 },
        { title: 'QB 2', kind: 'qualification_module', startDate: '2026-05-04', endDate: '2026-08-28', hours: 350 },
      ],
    },
    actor,
  );
  const cases = casesService(db);
  const ids: string[] = [];
  for (let i = 0; i < ROSTER; i += 1) ids.push((await cases.create(aCase({ targetOccupationId: target }), actor)).id);
  await measures.join(measure.id, { caseIds: ids, joinedOn: '2026-01-05' }, actor);

  const calls = () => dynamoCalls.count;
  const c0 = calls();
  const t0 = performance.now();
  const started = await measures.step(measure.id, { kind: 'module_completed', moduleId: measure.modules[0]!.id, certificateDate: '2026-05-02' }, actor);
  const requestMs = performance.now() - t0;
  const requestCalls = calls() - c0;

  const quiet = { send: async () => ({ messageId: 'bench' }) };
  const engine = jobEngine(
    db,
    jobKinds(
      db,
      {
        surveyMail: { transport: quiet, siteUrl: '' },
        meetingMail: { transport: quiet, organizer: { name: 'Bench', email: 'bench@amon.local' } },
        digest: { store: { get: async () => undefined, put: async () => undefined }, setup: () => ({}) as never },
      },
      () => new Date(),
    ),
  );
  const job = (await jobRepository(db).get(started.jobId))!;
  const c1 = calls();
  const t1 = performance.now();
  const ended = await engine.runToEnd(job);
  const jobMs = performance.now() - t1;
  const jobCalls = calls() - c1;
  if (ended?.done !== ROSTER) throw new Error(`the bulk step ended with ${JSON.stringify(ended)}`);

  const c2 = calls();
  const t2 = performance.now();
  const view = await measures.get(measure.id, actor);
  const rosterMs = performance.now() - t2;
  const rosterCalls = calls() - c2;
  if (view.roster?.filter((r) => r.modulesCompleted === 1).length !== ROSTER) throw new Error('the roster does not show the step');

  return [
    {
      id: 'P1.measure_step_request_calls',
      name: `DynamoDB calls: start a bulk step for ${ROSTER} (the request)`,
      value: requestCalls,
      unit: 'calls',
      goal: '≤ 3',
    },
    { id: 'P1.measure_step_request_ms', name: `start a bulk step for ${ROSTER}, the request`, value: round(requestMs, 1), unit: 'ms' },
    {
      id: 'P1.measure_step_job_calls',
      name: `DynamoDB calls: the job's ${ROSTER} items (claim, case, write, end)`,
      value: jobCalls,
      unit: 'calls',
      goal: `≤ ${ROSTER * 8}`,
    },
    { id: 'P1.measure_step_job_s', name: `the job's ${ROSTER} items one after another (worker, no parallelism)`, value: round(jobMs / 1000, 2), unit: 's' },
    { id: 'P1.measure_roster_calls', name: `DynamoDB calls: the measure's page with a roster of ${ROSTER}`, value: rosterCalls, unit: 'calls' },
    { id: 'P1.measure_roster_ms', name: `the measure's page with a roster of ${ROSTER}`, value: round(rosterMs, 1), unit: 'ms' },
  ];
}
