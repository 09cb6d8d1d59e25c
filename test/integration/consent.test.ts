// Consent scopes govern: only `job_placement` lets a person be ranked, shown or proposed; `share_with_partners` is
// needed before a partner learns of them; a withdrawn scope takes the person out of matching in the same transaction.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-consent-outbox-'));

const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: members } = await import('#functions/members/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { getItem } = await import('#shared/table/access.ts');
const { keys } = await import('#shared/table/keys.ts');
const { patterns } = await import('#shared/table/patterns.ts');
const { call } = await import('../support/api.ts');
const { aMember } = await import('../support/builders.ts');
const { aCaseInCounselling, anOpenNeed } = await import('../support/matching.ts');

const db = database();
const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-consent' };
type Scope = 'counselling' | 'share_with_partners' | 'job_placement';

beforeAll(async () => {
  await occupationsService(db).seedShipped();
});

const personWith = (scope: Scope[]) => aCaseInCounselling(COUNSELLOR.userId, { consent: { givenOn: '2026-10-01', scope } });

async function setScope(c: { id: string }, scope: Scope[]) {
  const current = (await call(cases, 'GET /api/cases/{id}', { params: { id: c.id }, ...COUNSELLOR })).body;
  const {
    firstName,
    lastName,
    birthDate,
    gender,
    email,
    postcode,
    district,
    migrationBackground,
    languages,
    germanLevel,
    workExperience,
    registration,
    drivingLicence,
    car,
    districtsReachable,
    hoursAvailable,
  } = current.participant;
  const res = await call(cases, 'PUT /api/cases/{id}', {
    params: { id: c.id },
    body: {
      participant: {
        firstName,
        lastName,
        birthDate,
        gender,
        email,
        postcode,
        district,
        migrationBackground,
        languages,
        germanLevel,
        workExperience,
        registration,
        drivingLicence,
        car,
        districtsReachable,
        hoursAvailable,
      },
      consent: { ...current.consent, scope },
      targetOccupationId: current.targetOccupation.id,
      version: current.version,
    },
    ...COUNSELLOR,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const aNeedInRostock = () => anOpenNeed();

const candidateIds = async (needId: string) =>
  (await call(matching, 'GET /api/needs/{id}/candidates', { params: { id: needId }, ...COUNSELLOR })).body.items.map((c: { caseId: string }) => c.caseId);
const pseudonymCount = async (needId: string) =>
  (await call(matching, 'GET /api/needs/{id}/candidates', { params: { id: needId }, as: 'coordinator' })).body.items.length;

describe('consent governs matching', () => {
  it('a case with counselling-only consent is not indexed, ranked, shown or proposable, and the case says why', async () => {
    const need = await aNeedInRostock();
    const before = await pseudonymCount(need.id);
    const person = await personWith(['counselling']);

    expect((await getItem(db, keys.case(person.id)))?.gsi6pk).toBeUndefined();
    const suggestions = await call(matching, 'GET /api/cases/{id}/suggestions', { params: { id: person.id }, ...COUNSELLOR });
    expect(suggestions.body).toEqual({ items: [], missing: 'consent' });
    expect(await candidateIds(need.id)).not.toContain(person.id);
    expect(await pseudonymCount(need.id)).toBe(before);

    const proposed = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: person.id }, body: { needId: need.id }, ...COUNSELLOR });
    expect(proposed.status).toBe(409);
    expect(proposed.body.error.code).toBe('not_matchable_consent');
    expect(proposed.body.error.message).toContain('Vermittlung');
  });

  it('adding job-placement consent brings the case in; taking it away ends its open proposals in the same write', async () => {
    const need = await aNeedInRostock();
    const other = await aNeedInRostock();
    const person = await personWith(['counselling']);
    await setScope(person, ['counselling', 'job_placement']);
    expect((await getItem(db, keys.case(person.id)))?.gsi6pk).toBe(patterns.candidatesInGroup.partitionOf('51312'));
    expect(await candidateIds(need.id)).toContain(person.id);

    const first = await call(matching, 'POST /api/cases/{id}/matches', {
      params: { id: person.id },
      body: { needId: need.id, note: 'Frau K. möchte früh anfangen' },
      ...COUNSELLOR,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: person.id }, body: { needId: other.id }, ...COUNSELLOR });
    const declined = await call(matching, 'POST /api/cases/{id}/matches/{needId}/moves', {
      params: { id: person.id, needId: other.id },
      body: { to: 'declined', on: second.body.steps[0].on, declinedBy: 'company', version: second.body.version },
      ...COUNSELLOR,
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);

    await setScope(person, ['counselling']);
    expect((await getItem(db, keys.case(person.id)))?.gsi6pk).toBeUndefined();
    expect(await candidateIds(need.id)).not.toContain(person.id);
    const matches = (await call(matching, 'GET /api/cases/{id}/matches', { params: { id: person.id }, ...COUNSELLOR })).body as {
      needId: string;
      state: string;
      withdrawnBecause?: string;
    }[];
    expect(matches.find((m) => m.needId === need.id)).toMatchObject({ state: 'withdrawn', withdrawnBecause: 'consent_withdrawn' });
    expect(matches.find((m) => m.needId === other.id)).toMatchObject({ state: 'declined' });
    expect((await call(matching, 'GET /api/cases/{id}/suggestions', { params: { id: person.id }, ...COUNSELLOR })).body.missing).toBe('consent');
    const byHand = await call(matching, 'POST /api/cases/{id}/matches/{needId}/moves', {
      params: { id: person.id, needId: other.id },
      body: { to: 'withdrawn', on: second.body.steps[0].on, version: declined.body.version },
      ...COUNSELLOR,
    });
    expect(byHand.status).toBe(409);
  });
});

describe('share_with_partners', () => {
  it('a module at a network provider and the exam application need consent to share with partners', async () => {
    const person = await personWith(['counselling', 'job_placement']);
    const provider = await call(members, 'POST /api/members', { body: aMember({ kind: 'training_provider' }), as: 'coordinator' });
    expect(provider.status).toBe(201);
    const atProvider = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: person.id },
      body: { title: 'Baustein 1', hours: 140, providerMemberId: provider.body.id },
      ...COUNSELLOR,
    });
    expect(atProvider.status).toBe(400);
    expect(atProvider.body.error.fields).toEqual([{ path: 'providerMemberId', message: expect.stringContaining('Weitergabe an Partner') }]);
    const exam = await call(cases, 'PUT /api/cases/{id}/exam', { params: { id: person.id }, body: { applicationDate: '2026-11-02' }, ...COUNSELLOR });
    expect(exam.status).toBe(400);
    expect(exam.body.error.fields[0].path).toBe('applicationDate');
    const inHouse = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: person.id },
      body: { title: 'Baustein 1', hours: 140, providerName: 'eigene Einrichtung' },
      ...COUNSELLOR,
    });
    expect(inHouse.status).toBe(201);

    await setScope(person, ['counselling', 'job_placement', 'share_with_partners']);
    const allowed = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: person.id },
      body: { title: 'Baustein 2', hours: 140, providerMemberId: provider.body.id },
      ...COUNSELLOR,
    });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);
    expect((await call(cases, 'PUT /api/cases/{id}/exam', { params: { id: person.id }, body: { applicationDate: '2026-11-02' }, ...COUNSELLOR })).status).toBe(
      200,
    );
  });
});
