// Anonymisation leaves no free text of the person in any item or index entry, survives a crash half-way, and retention
// reaches inquiries without consent and paused cases without activity.
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTable } from '#shared/table/dynamodb.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-anon-outbox-'));

const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: needs } = await import('#functions/needs/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: companies } = await import('#functions/companies/handler.ts');
const { database } = await import('#functions/clients.ts');
const { casesService } = await import('#shared/cases/domain.ts');
const { casePrivacy } = await import('#shared/cases/privacy.ts');
const { applyRetention } = await import('#shared/cases/retention.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { getItem } = await import('#shared/table/access.ts');
const { keys } = await import('#shared/table/keys.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { call } = await import('../support/api.ts');
const { aCase, aCompany, anInquiry } = await import('../support/builders.ts');
const { scanTable } = await import('../support/scan.ts');

type Db = ReturnType<typeof database>;
const db = database();
const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-anon' };
const actor = { id: 'counsellor-anon', email: 'c@amon.local', roles: ['counsellor'] };
const LAGER = '51312-fachkraft-fuer-lagerlogistik';

beforeAll(async () => {
  await occupationsService(db).seedShipped();
});

/** A case with free text everywhere a counsellor can type it; returns the texts so the scan can look for them. */
async function aCaseFullOfText(lastName: string) {
  const secrets = {
    lastName,
    email: `${lastName.toLowerCase()}@example.org`,
    session: `Sitzungsnotiz über ${lastName}`,
    nextSteps: `Nächster Schritt für ${lastName}`,
    venue: `Lernort ${lastName} KG`,
    voucher: `BGS-${lastName}`,
    employer: `Arbeitgeber ${lastName}`,
    reason: `Grund: ${lastName} zieht um`,
    proposal: `Vorschlag für ${lastName}`,
    step: `Telefonat mit ${lastName}`,
    birthDate: '1979-07-21',
  };
  const created = await call(cases, 'POST /api/cases', {
    body: aCase({ participant: { lastName, email: secrets.email, birthDate: secrets.birthDate, priorTraining: `Ausbildung von ${lastName}` } }),
    ...COUNSELLOR,
  });
  const id = created.body.id as string;
  let version = created.body.version as number;
  const move = async (to: string, reason?: string) => {
    const res = await call(cases, 'POST /api/cases/{id}/moves', { params: { id }, body: { to, version, ...(reason ? { reason } : {}) }, ...COUNSELLOR });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version;
  };
  await move('intake', secrets.reason);
  await move('counselling');
  const add = async (kind: 'sessions' | 'modules' | 'fundings', body: unknown) =>
    expect((await call(cases, `POST /api/cases/{id}/${kind}`, { params: { id }, body, ...COUNSELLOR })).status).toBe(201);
  await add('sessions', { date: '2026-11-03', kind: 'counselling', minutes: 45, notes: secrets.session, nextSteps: secrets.nextSteps, followUp: '2026-12-20' });
  await add('modules', { title: 'Baustein 1', hours: 140, venueCompany: secrets.venue });
  await add('fundings', { source: 'voucher_81_sgb3', voucherNumber: secrets.voucher });
  expect((await call(cases, 'PUT /api/cases/{id}/outcome', { params: { id }, body: { employer: secrets.employer }, ...COUNSELLOR })).status).toBe(200);
  const { body: company } = await call(companies, 'POST /api/companies', { body: aCompany(), as: 'coordinator' });
  const need = await call(needs, 'POST /api/needs', {
    body: { companyId: company.id, occupationId: LAGER, headcount: 1, timeframe: 'now' },
    as: 'coordinator',
  });
  const proposed = await call(matching, 'POST /api/cases/{id}/matches', {
    params: { id },
    body: { needId: need.body.id, note: secrets.proposal },
    ...COUNSELLOR,
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const moved = await call(matching, 'POST /api/cases/{id}/matches/{needId}/moves', {
    params: { id, needId: need.body.id },
    body: { to: 'contacted', on: proposed.body.steps[0].on, note: secrets.step, version: proposed.body.version },
    ...COUNSELLOR,
  });
  expect(moved.status).toBe(200);
  return { id, number: created.body.number as string, secrets };
}

async function expectNothingLeft(secrets: Record<string, string>) {
  const text = JSON.stringify(await scanTable(db));
  for (const [what, value] of Object.entries(secrets)) expect(text.includes(value), `${what} „${value}“ is still in the table`).toBe(false);
}

/** The same table, but the n-th TransactWrite fails as if the Lambda died there. */
function crashingAt(n: number): Db {
  let seen = 0;
  const send = ((command: unknown) => {
    if (command instanceof TransactWriteCommand && ++seen === n) return Promise.reject(new Error('Lambda killed'));
    return db.doc.send(command as never);
  }) as DynamoDBDocumentClient['send'];
  return dynamoTable({ send } as DynamoDBDocumentClient, db.tableName);
}

describe('anonymisation', () => {
  it('after a withdrawal a full scan finds neither the surname nor any free text entered for the person', async () => {
    const { id, number, secrets } = await aCaseFullOfText('Zielinska');
    const res = await call(cases, 'POST /api/cases/{id}/consent-withdrawal', { params: { id }, ...COUNSELLOR });
    expect(res.status).toBe(200);
    expect(res.body.anonymisedAt).toEqual(expect.any(String));
    await expectNothingLeft(secrets);
    const item = await getItem(db, keys.case(id));
    expect(item).toMatchObject({ participant: { lastName: `Anonymisiert ${number}` } });
    for (const index of ['gsi3pk', 'gsi5pk', 'gsi6pk']) expect(item?.[index], index).toBeUndefined();
    const matches = (await call(matching, 'GET /api/cases/{id}/matches', { params: { id }, ...COUNSELLOR })).body;
    expect(matches[0]).toMatchObject({ state: 'withdrawn', withdrawnBecause: 'consent_withdrawn' });
  });

  it('a crash half-way leaves the case marked as pending, and the retention job finishes it', async () => {
    const { id, secrets } = await aCaseFullOfText('Nowakowski');
    const broken = crashingAt(2);
    const privacy = casePrivacy(casesService(broken));
    await expect(privacy.withdrawConsent(id, actor)).rejects.toThrow('Lambda killed');
    const half = await getItem(db, keys.case(id));
    expect(half?.anonymisedAt).toBeUndefined();
    expect(half).toMatchObject({ anonymising: { reason: 'consent_withdrawn' }, gsi3pk: patterns.anonymisationsPending.partitionOf() });
    expect(half?.gsi5pk).toBeUndefined();
    expect(JSON.stringify(await scanTable(db))).toContain(secrets.session);

    const result = await applyRetention(db);
    expect(result.finished).toBe(1);
    const done = await getItem(db, keys.case(id));
    expect(done?.anonymisedAt).toEqual(expect.any(String));
    expect(done?.anonymising).toBeUndefined();
    expect(done?.gsi3pk).toBeUndefined();
    await expectNothingLeft(secrets);
  });

  it('pressing withdrawal again finishes an interrupted anonymisation', async () => {
    const { id, secrets } = await aCaseFullOfText('Ivanova');
    const broken = crashingAt(3);
    await expect(casePrivacy(casesService(broken)).withdrawConsent(id, actor)).rejects.toThrow('Lambda killed');
    expect((await getItem(db, keys.case(id)))?.anonymisedAt).toBeUndefined();
    const again = await call(cases, 'POST /api/cases/{id}/consent-withdrawal', { params: { id }, ...COUNSELLOR });
    expect(again.status).toBe(200);
    await expectNothingLeft(secrets);
  });

  it('the export lists every item, look-up and index entry held about the person', async () => {
    const { id, number, secrets } = await aCaseFullOfText('Auskunftova');
    const res = await call(cases, 'GET /api/cases/{id}/export', { params: { id }, as: 'admin' });
    expect(res.status).toBe(200);
    const kinds = res.body.case.map((i: { id?: string }) => i.id);
    expect(kinds).toEqual(expect.arrayContaining([id, 'outcome']));
    expect(res.body.lookups.map((l: { key: { pk: string } }) => l.key.pk)).toEqual(
      expect.arrayContaining([`CASENO#${number}`, expect.stringMatching(/^CASEDUP#auskunftova/)]),
    );
    const indexes = res.body.indexEntries.map((e: { index: string }) => e.index);
    expect(indexes).toEqual(expect.arrayContaining(['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6']));
    expect(JSON.stringify(res.body)).toContain(secrets.step);
  });
});

describe('retention', () => {
  it('anonymises inquiries without consent after six months and paused cases without activity after the retention period', async () => {
    let now = new Date('2022-01-10T09:00:00Z');
    const clocked = casesService(db, () => now);
    const oldInquiry = await clocked.create(anInquiry(), actor);
    const paused = await clocked.create(aCase({ participant: { lastName: 'Ruhend' } }), actor);
    await clocked.move(paused.id, { to: 'intake', version: paused.version }, actor);
    await clocked.move(paused.id, { to: 'paused', version: paused.version + 1 }, actor);
    const pausedActive = await clocked.create(aCase({ participant: { lastName: 'RuhendAktiv' } }), actor);
    await clocked.move(pausedActive.id, { to: 'intake', version: 1 }, actor);
    await clocked.move(pausedActive.id, { to: 'paused', version: 2 }, actor);
    now = new Date();
    await clocked.update(pausedActive.id, { ...aCase({ participant: { lastName: 'RuhendAktiv' } }), targetOccupationId: LAGER, version: 3 }, actor);
    const freshInquiry = await clocked.create(anInquiry(), actor);

    const result = await applyRetention(db);
    expect(result).toMatchObject({ inquiryRetentionMonths: 6, retentionMonths: 36 });
    const load = async (cid: string) => (await clocked.repo.load(cid)).case;
    expect((await load(oldInquiry.id)).anonymisedAt).toEqual(expect.any(String));
    expect((await load(oldInquiry.id)).participant.lastName).toBe(`Anonymisiert ${oldInquiry.number}`);
    expect((await load(paused.id)).anonymisedAt).toEqual(expect.any(String));
    expect((await load(pausedActive.id)).anonymisedAt).toBeUndefined();
    expect((await load(freshInquiry.id)).anonymisedAt).toBeUndefined();
  });
});
