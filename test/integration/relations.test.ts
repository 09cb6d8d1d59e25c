// Company relations: staff record what they do with a company (each a counted contact), follow-ups land in the
// owner's list, learning-venue agreements say who uses them, the company page merges its history into one
// timeline, and an activity note that names a participant is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as relations } from '#functions/relations/handler.ts';
import { handler as companies } from '#functions/companies/handler.ts';
import { handler as cases } from '#functions/cases/handler.ts';
import { handler as needs } from '#functions/needs/handler.ts';
import { handler as matching } from '#functions/matching/handler.ts';
import { handler as measures } from '#functions/measures/handler.ts';
import { handler as members } from '#functions/members/handler.ts';
import { handler as settings } from '#functions/settings/handler.ts';
import { database } from '#functions/clients.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { feedRepository } from '#shared/feed/repository.ts';
import { buildFigures } from '#shared/reports/figures.ts';
import { berlinMonth } from '#shared/time.ts';
import { call } from '../support/api.ts';
import { aCase, aCompany, aMember } from '../support/builders.ts';

const LOGISTICS = '51312-fachkraft-fuer-lagerlogistik';
let company = '';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  company = (await call(companies, 'POST /api/companies', { body: aCompany({ name: 'Hafenlogistik Rostock GmbH' }), as: 'coordinator' })).body.id;
});

const visit = (o: Record<string, unknown> = {}) => ({
  kind: 'visit',
  date: '2026-11-10',
  contactPerson: 'Frau Berger (Personal)',
  topics: ['skill_needs', 'learning_venue'],
  outcome: 'Interesse an zwei Plätzen als Lernort für Lagerlogistik.',
  followUpOn: '2026-11-24',
  ...o,
});

describe('activities on a company', () => {
  it('a staff member records a visit with a follow-up; it is in their follow-ups, not in a colleague’s', async () => {
    const res = await call(relations, 'POST /api/companies/{id}/activities', { params: { id: company }, body: visit(), as: 'counsellor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ companyName: 'Hafenlogistik Rostock GmbH', staffId: 'user-counsellor', staffEmail: 'counsellor@amon.local', version: 1 });
    const mine = await call(relations, 'GET /api/company-followups', { as: 'counsellor' });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    const theirs = await call(relations, 'GET /api/company-followups', { as: 'coordinator' });
    expect(theirs.body.items.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
    const notYet = await call(relations, 'GET /api/company-followups', { query: { dueBy: '2026-11-20' }, as: 'counsellor' });
    expect(notYet.body.items.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
  });

  it('done, the follow-up leaves the list; a new date opens it again', async () => {
    const a = (await call(relations, 'POST /api/companies/{id}/activities', { params: { id: company }, body: visit({ kind: 'call' }), as: 'coordinator' }))
      .body;
    const done = await call(relations, 'POST /api/companies/{id}/activities/{activityId}/done', {
      params: { id: company, activityId: a.id },
      body: { version: 1 },
      as: 'coordinator',
    });
    expect(done.status).toBe(200);
    expect(done.body.followUpDoneAt).toEqual(expect.any(String));
    const ids = async () => (await call(relations, 'GET /api/company-followups', { as: 'coordinator' })).body.items.map((x: { id: string }) => x.id);
    expect(await ids()).not.toContain(a.id);
    const {
      id: _id,
      version: _v,
      companyId: _c,
      companyName: _n,
      staffId: _s,
      staffEmail: _e,
      createdAt: _ca,
      updatedAt: _u,
      followUpDoneAt: _d,
      ...fields
    } = done.body;
    const moved = await call(relations, 'PUT /api/companies/{id}/activities/{activityId}', {
      params: { id: company, activityId: a.id },
      body: { ...fields, date: '2026-11-12', followUpOn: '2026-12-01', version: 2 },
      as: 'coordinator',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.followUpDoneAt).toBeUndefined();
    expect(await ids()).toContain(a.id);
    const stale = await call(relations, 'PUT /api/companies/{id}/activities/{activityId}', {
      params: { id: company, activityId: a.id },
      body: { ...fields, version: 2 },
      as: 'coordinator',
    });
    expect(stale.status).toBe(409);
  });

  it('refuses a follow-up before the contact, an unknown kind or field, by field; only the owner or an admin changes a contact', async () => {
    const bad = await call(relations, 'POST /api/companies/{id}/activities', {
      params: { id: company },
      body: visit({ followUpOn: '2026-11-01', kind: 'fax', staff: 'x' }),
      as: 'counsellor',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path).join(' ');
    expect(paths).toContain('kind');
    expect(JSON.stringify(bad.body.error.fields)).toContain('staff');
    const order = await call(relations, 'POST /api/companies/{id}/activities', {
      params: { id: company },
      body: visit({ followUpOn: '2026-11-01' }),
      as: 'counsellor',
    });
    expect(order.body.error.fields).toEqual([{ path: 'followUpOn', message: 'die Wiedervorlage liegt vor dem Kontakt' }]);
    const unknown = await call(relations, 'POST /api/companies/{id}/activities', {
      params: { id: '01J0000000000000000000000A' },
      body: visit(),
      as: 'counsellor',
    });
    expect(unknown.status).toBe(404);
    const a = (await call(relations, 'POST /api/companies/{id}/activities', { params: { id: company }, body: visit(), as: 'counsellor' })).body;
    const foreign = await call(relations, 'DELETE /api/companies/{id}/activities/{activityId}', {
      params: { id: company, activityId: a.id },
      as: 'coordinator',
    });
    expect(foreign.status).toBe(403);
    const admin = await call(relations, 'DELETE /api/companies/{id}/activities/{activityId}', { params: { id: company, activityId: a.id }, as: 'admin' });
    expect(admin.status).toBe(200);
  });

  it('a note that names a participant is refused for the field, without repeating the name; a coordinator is not told', async () => {
    await call(cases, 'POST /api/cases', { body: aCase({ participant: { firstName: 'Ahmet', lastName: 'Yılmaz' } }), as: 'counsellor' });
    await call(cases, 'POST /api/cases', { body: aCase({ participant: { firstName: 'Samira', lastName: 'El Amrani' } }), as: 'counsellor' });
    for (const outcome of ['Praktikum für Ahmet Yılmaz ab Januar besprochen.', 'Frau El Amrani stellt sich vor.', 'Herr Yılmaz kommt am Montag.']) {
      const named = await call(relations, 'POST /api/companies/{id}/activities', { params: { id: company }, body: visit({ outcome }), as: 'counsellor' });
      expect(named.status, outcome).toBe(400);
      expect(named.body.error.fields).toEqual([{ path: 'outcome', message: 'nennt eine teilnehmende Person – Betriebsnotizen nennen keine Teilnehmenden' }]);
      expect(JSON.stringify(named.body)).not.toContain('Yılmaz');
    }
    const check = await call(relations, 'POST /api/activities/name-check', {
      body: { text: 'Gespräch mit Ahmet Yılmaz und Samira El Amrani' },
      as: 'counsellor',
    });
    expect(check.body).toEqual({ mentions: 2 });
    expect((await call(relations, 'POST /api/activities/name-check', { body: { text: 'Neue Ausbildung bei Hafenlogistik' }, as: 'counsellor' })).body).toEqual({
      mentions: 0,
    });
    expect((await call(relations, 'POST /api/activities/name-check', { body: { text: 'Ahmet Yılmaz' }, as: 'coordinator' })).body).toEqual({ mentions: 0 });
    const plain = await call(relations, 'POST /api/companies/{id}/activities', {
      params: { id: company },
      body: visit({ outcome: 'Ahmet sucht Arbeit.' }),
      as: 'counsellor',
    });
    expect(plain.status).toBe(201);
  });
});

describe('learning-venue agreements', () => {
  it('an agreement names the occupations; measures and case modules that use it are listed, small counts hidden from coordinators', async () => {
    const created = await call(relations, 'POST /api/agreements', {
      body: { companyId: company, occupationCodes: ['51312'], places: 4, startsOn: '2026-09-01', endsOn: '2027-08-31', contactPerson: 'Frau Berger' },
      as: 'coordinator',
    });
    expect(created.status).toBe(201);
    expect(created.body.occupationTitles[0]).toContain('Lagerlogistik');
    const agreementId = created.body.id;

    const provider = (await call(members, 'POST /api/members', { body: aMember({ name: 'Bildungswerk Hafen' }), as: 'coordinator' })).body.id;
    const wrongCompany = (await call(companies, 'POST /api/companies', { body: aCompany({ name: 'Andere GmbH' }), as: 'coordinator' })).body.id;
    const measureBody = {
      title: 'Lagerlogistik 2027',
      targetOccupationId: LOGISTICS,
      companyId: company,
      agreementId,
      providerMemberId: provider,
      startDate: '2027-01-10',
      endDate: '2027-12-15',
      plannedPlaces: 4,
    };
    const refused = await call(measures, 'POST /api/measures', { body: { ...measureBody, companyId: wrongCompany }, as: 'counsellor' });
    expect(refused.body.error.fields).toEqual([{ path: 'agreementId', message: 'die Lernortkooperation gehört zu einem anderen Betrieb' }]);
    const measure = await call(measures, 'POST /api/measures', { body: measureBody, as: 'counsellor' });
    expect(measure.status).toBe(201);

    const caseId = (await call(cases, 'POST /api/cases', { body: aCase(), as: 'counsellor' })).body.id;
    const module = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: caseId },
      body: { title: 'Betriebliche Phase Lager', kind: 'training_module', hours: 160, agreementId },
      as: 'counsellor',
    });
    expect(module.status).toBe(201);
    const noConsent = (await call(cases, 'POST /api/cases', { body: aCase({ consent: { givenOn: '2026-10-01', scope: ['counselling'] } }), as: 'counsellor' }))
      .body.id;
    const refusedModule = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: noConsent },
      body: { title: 'Betriebliche Phase Lager', kind: 'training_module', hours: 160, agreementId },
      as: 'counsellor',
    });
    expect(refusedModule.status).toBe(400);
    expect(refusedModule.body.error.fields[0].path).toBe('agreementId');

    const view = await call(relations, 'GET /api/agreements/{id}', { params: { id: agreementId }, as: 'counsellor' });
    expect(view.body.measures.map((m: { title: string }) => m.title)).toEqual(['Lagerlogistik 2027']);
    expect(view.body.modulesUsing).toBe(1);
    const coordinator = await call(relations, 'GET /api/agreements/{id}', { params: { id: agreementId }, as: 'coordinator' });
    expect(coordinator.body.modulesUsing).toBe('<3');

    const current = await call(relations, 'GET /api/agreements', { as: 'coordinator' });
    expect(current.body.items.map((a: { id: string }) => a.id)).toContain(agreementId);
    const bad = await call(relations, 'POST /api/agreements', {
      body: { companyId: company, occupationCodes: ['5131'], places: 0, startsOn: '2026-09-01', endsOn: '2026-08-31' },
      as: 'coordinator',
    });
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['endsOn', 'occupationCodes.0', 'places']);
  });

  it('a company with a history is not deleted', async () => {
    const res = await call(companies, 'DELETE /api/companies/{id}', { params: { id: company }, as: 'coordinator' });
    expect(res.status).toBe(409);
  });
});

describe('the timeline of a company', () => {
  it('merges activities, agreements, invitations, needs and proposals newest first, page by page; proposals only for case roles', async () => {
    const id = (await call(companies, 'POST /api/companies', { body: aCompany({ name: 'Timeline GmbH' }), as: 'coordinator' })).body.id;
    const dates = ['2025-03-01', '2025-06-15', '2025-09-01', '2026-01-20', '2026-04-02', '2026-07-07', '2026-10-10'];
    for (const date of dates)
      await call(relations, 'POST /api/companies/{id}/activities', { params: { id }, body: { kind: 'call', date, topics: [] }, as: 'coordinator' });
    await call(relations, 'POST /api/agreements', {
      body: { companyId: id, occupationCodes: ['51312'], places: 2, startsOn: '2026-02-01' },
      as: 'coordinator',
    });
    const need = await call(needs, 'POST /api/needs', {
      body: { companyId: id, occupationId: LOGISTICS, headcount: 2, timeframe: 'now', statedOn: '2025-12-01' },
      as: 'coordinator',
    });
    expect(need.status).toBe(201);
    const created = (await call(cases, 'POST /api/cases', { body: aCase(), as: 'counsellor' })).body;
    const caseId = created.id as string;
    let version = created.version as number;
    for (const to of ['intake', 'counselling'])
      version = (await call(cases, 'POST /api/cases/{id}/moves', { params: { id: caseId }, body: { to, version }, as: 'counsellor' })).body.version;
    const proposed = await call(matching, 'POST /api/cases/{id}/matches', { params: { id: caseId }, body: { needId: need.body.id }, as: 'counsellor' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);

    const read = async (as: 'counsellor' | 'coordinator') => {
      const all: { type: string; date: string }[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await call(relations, 'GET /api/companies/{id}/timeline', { params: { id }, query: { limit: '3', ...(cursor ? { cursor } : {}) }, as });
        expect(page.status).toBe(200);
        if (page.body.nextCursor) expect(page.body.items).toHaveLength(3);
        all.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      return all;
    };
    const counsellor = await read('counsellor');
    expect(counsellor.map((e) => e.type).sort()).toEqual([...Array(7).fill('activity'), 'agreement', 'need', 'proposal'].sort());
    const ds = counsellor.map((e) => e.date);
    expect(ds).toEqual([...ds].sort().reverse());
    const coordinator = await read('coordinator');
    expect(coordinator.map((e) => e.type)).not.toContain('proposal');
    expect(coordinator).toHaveLength(9);
    expect(JSON.stringify(coordinator)).not.toContain(caseId);

    const tampered = await call(relations, 'GET /api/companies/{id}/timeline', {
      params: { id },
      query: { cursor: Buffer.from(JSON.stringify({ activity: { pk: 'CASE#x', sk: 'CASE' } })).toString('base64url') },
      as: 'coordinator',
    });
    expect(tampered.status).toBe(400);
  });
});

describe('counting contacts', () => {
  it('each contact counts by kind for the dashboard and the month; a new agreement counts too', async () => {
    const before = await feedRepository(database()).counters();
    await call(relations, 'POST /api/companies/{id}/activities', {
      params: { id: company },
      body: visit({ kind: 'information_event', followUpOn: undefined }),
      as: 'coordinator',
    });
    const after = await feedRepository(database()).counters();
    expect((after.contacts_information_event ?? 0) - (before.contacts_information_event ?? 0)).toBe(1);
    const dash = await call(settings, 'GET /api/dashboard', { as: 'coordinator' });
    expect(dash.body.companies.contactsByKind.information_event).toBe(after.contacts_information_event);
    expect(dash.body.companies.agreements).toBe(after.agreements);
  });

  it('a contact deleted in the month it was recorded leaves the month and the report; it counted before', async () => {
    const db = database();
    const month = berlinMonth(new Date());
    const figures = async () => (await buildFigures(db, month, new Date())).companies!;
    const counters = () => feedRepository(db).counters();
    const [c0, f0] = [await counters(), await figures()];
    const a = (
      await call(relations, 'POST /api/companies/{id}/activities', {
        params: { id: company },
        body: visit({ kind: 'email', followUpOn: undefined }),
        as: 'counsellor',
      })
    ).body;
    const [c1, f1] = [await counters(), await figures()];
    expect(c1[`contacts_${month}`]! - (c0[`contacts_${month}`] ?? 0)).toBe(1);
    expect(f1.contacts - f0.contacts).toBe(1);
    expect(f1.byKind.find((k) => k.kind === 'email')!.count - f0.byKind.find((k) => k.kind === 'email')!.count).toBe(1);
    const removed = await call(relations, 'DELETE /api/companies/{id}/activities/{activityId}', {
      params: { id: company, activityId: a.id },
      as: 'counsellor',
    });
    expect(removed.status).toBe(200);
    const [c2, f2] = [await counters(), await figures()];
    expect(c2[`contacts_${month}`]).toBe(c0[`contacts_${month}`] ?? 0);
    expect(c2.contacts_email).toBe(c0.contacts_email ?? 0);
    expect(f2.contacts).toBe(f0.contacts);
    expect(f2.byKind.find((k) => k.kind === 'email')!.count).toBe(f0.byKind.find((k) => k.kind === 'email')!.count);
  });
});
