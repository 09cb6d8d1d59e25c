import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#functions/clients.ts';
import { casesService } from '#shared/cases/domain.ts';
import { caseChildren } from '#shared/cases/children.ts';
import { applyRetention } from '#shared/cases/retention.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { getItem } from '#shared/table/access.ts';
import { keys } from '#shared/table/keys.ts';
import { aCase } from '../support/builders.ts';
import { runJob } from '#local/scheduler.ts';

const actor = { id: 'counsellor-1', email: 'c@amon.local', roles: ['counsellor'] };

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

describe('retention', () => {
  it('anonymises cases closed longer than 36 months, keeps the rest and keeps the counters', async () => {
    const db = database();
    let now = new Date('2022-03-01T10:00:00Z');
    const cases = casesService(db, () => now);
    const old = await cases.create(aCase({ participant: { lastName: 'Altfall' } }), actor);
    await caseChildren(cases, () => now).add(
      old.id,
      'sessions',
      { date: '2022-03-01', kind: 'first_talk', minutes: 30, notes: 'alt', followUpDone: true },
      actor,
    );
    const dropped = await cases.move(old.id, { to: 'dropped', version: 2 }, actor);
    expect(dropped.status).toBe('dropped');
    now = new Date();
    const recent = await cases.create(aCase({ participant: { lastName: 'Neufall' } }), actor);
    await cases.move(recent.id, { to: 'dropped', version: 1 }, actor);
    const before = await getItem(db, keys.counters(), true);

    const result = await applyRetention(db);
    expect(result).toMatchObject({ retentionMonths: 36, anonymised: 1 });
    const oldAfter = await cases.repo.load(old.id);
    expect(oldAfter.case.participant.lastName).toBe(`Anonymisiert ${old.number}`);
    expect(oldAfter.sessions[0]!.notes).toBeUndefined();
    expect((await cases.repo.load(recent.id)).case.participant.lastName).toBe('Neufall');
    expect(await getItem(db, keys.counters(), true)).toEqual(before);
    expect((await applyRetention(db)).anonymised).toBe(0);
  });

  it('runs as the scheduled job through the same entry point', async () => {
    const result = (await runJob(process.cwd(), {
      name: 'retention',
      cron: '30 3 * * *',
      entry: 'functions/jobs/retention/handler.ts',
      description: '',
      sendsMail: false,
    })) as { anonymised: number };
    expect(result.anonymised).toBe(0);
  });
});
