// The regional offer catalogue: coordinators keep offers of the network's training providers, staff search them by
// occupation (5 digits or the 3-digit group), district and start, and the public catalogue shows current ones only.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/offers/handler.ts';
import { handler as catalogue } from '#functions/catalogue/handler.ts';
import { handler as members } from '#functions/members/handler.ts';
import { handler as cases } from '#functions/cases/handler.ts';
import { aCase } from '../support/builders.ts';
import { dynamoCalls } from '#functions/clients.ts';
import { berlinDate, addDays } from '#shared/time.ts';
import { aMember } from '../support/builders.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { database } from '#functions/clients.ts';
import { call } from '../support/api.ts';

const today = berlinDate(new Date());
let provider = '';
let company = '';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  provider = (await call(members, 'POST /api/members', { body: aMember({ name: 'Bildungswerk Hafen' }), as: 'coordinator' })).body.id;
  company = (await call(members, 'POST /api/members', { body: aMember({ kind: 'company' }), as: 'coordinator' })).body.id;
});

let n = 0;
const anOffer = (o: Record<string, unknown> = {}) => {
  n += 1;
  return {
    providerMemberId: provider,
    title: `QB ${n}: Warenannahme`,
    occupationCode: '51312',
    kind: 'qualification_module',
    hours: 280,
    format: 'part_time',
    places: 12,
    startDates: [addDays(today, 30)],
    district: 'rostock_city',
    place: 'Rostock, Hafenstraße 1',
    costEuro: 3200,
    azav: true,
    contact: { name: 'Anna Schulz', email: 'anna@bildungswerk.example' },
    ...o,
  };
};
const create = (body: unknown, as: 'coordinator' | 'counsellor' | 'admin' = 'coordinator') => call(handler, 'POST /api/offers', { body, as });
const search = (query: Record<string, string>, as: 'counsellor' | 'coordinator' = 'counsellor') => call(handler, 'GET /api/offers', { query, as });

describe('keeping offers', () => {
  it('a coordinator adds an offer of a network training provider; the provider’s name and the occupation title come with it', async () => {
    const res = await create(anOffer({ startDates: [addDays(today, 60), addDays(today, 10), addDays(today, 60)] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      providerName: 'Bildungswerk Hafen',
      occupationTitle: 'Fachkraft für Lagerlogistik / Fachlagerist/in',
      lastStart: addDays(today, 60),
    });
    expect(res.body.startDates).toEqual([addDays(today, 10), addDays(today, 60)]);
  });

  it('refuses a provider that is not a training provider, a Qualifizierungsbaustein outside 140–420 h, and unknown fields', async () => {
    expect((await create(anOffer({ providerMemberId: company }))).body.error.fields[0].path).toBe('providerMemberId');
    expect((await create(anOffer({ hours: 80 }))).body.error.fields[0].path).toBe('hours');
    expect((await create(anOffer({ kind: 'adaptation', hours: 80 }))).status).toBe(201);
    const unknown = await create({ ...anOffer(), participants: ['x'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.fields)).toContain('participants');
  });

  it('counsellors search but do not keep the catalogue; changes need the current version', async () => {
    expect((await create(anOffer(), 'counsellor')).status).toBe(403);
    const { body: o } = await create(anOffer());
    const changed = await call(handler, 'PUT /api/offers/{id}', {
      params: { id: o.id },
      body: { ...anOffer(), title: 'QB neu', version: o.version },
      as: 'coordinator',
    });
    expect(changed.body).toMatchObject({ title: 'QB neu', version: 2 });
    const stale = await call(handler, 'PUT /api/offers/{id}', { params: { id: o.id }, body: { ...anOffer(), version: o.version }, as: 'coordinator' });
    expect(stale.status).toBe(409);
    expect((await call(handler, 'DELETE /api/offers/{id}', { params: { id: o.id }, as: 'coordinator' })).status).toBe(200);
    expect((await call(handler, 'GET /api/offers/{id}', { params: { id: o.id }, as: 'counsellor' })).status).toBe(404);
  });
});

describe('searching offers', () => {
  it('by 3-digit group, 5-digit code, district and start; past offers fall out; filtered pages are full', async () => {
    const tag = `Suche${Date.now()}`;
    // Group 293 (cooking): 6 in Rostock, 6 in Schwerin, 2 with a 5-digit code of their own, 1 already past.
    for (let i = 0; i < 6; i += 1) await create(anOffer({ title: `${tag} R${i}`, occupationCode: '29302', district: 'rostock_city' }));
    for (let i = 0; i < 6; i += 1) await create(anOffer({ title: `${tag} S${i}`, occupationCode: '29302', district: 'schwerin_city' }));
    for (let i = 0; i < 2; i += 1)
      await create(anOffer({ title: `${tag} H${i}`, occupationCode: '29301', kind: 'exam_preparation', district: 'schwerin_city' }));
    await create(anOffer({ title: `${tag} alt`, occupationCode: '29302', startDates: [addDays(today, -1)] }));

    const all = async (query: Record<string, string>) => {
      const titles: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await search({ ...query, limit: '4', ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        // Full pages while more remain.
        if (res.body.nextCursor) expect(res.body.items).toHaveLength(4);
        titles.push(...res.body.items.map((o: { title: string }) => o.title));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      return titles.filter((t) => t.startsWith(tag));
    };
    expect(await all({ occupation: '293' })).toHaveLength(14);
    expect(await all({ occupation: '29302' })).toHaveLength(12);
    expect(await all({ occupation: '2930' })).toHaveLength(14);
    expect(await all({ occupation: '29' })).toHaveLength(14);
    expect(await all({ occupation: '293', district: 'schwerin_city' })).toHaveLength(8);
    expect((await all({ occupation: '293' })).some((t) => t.endsWith('alt'))).toBe(false);
    expect(await all({ occupation: '293', startsFrom: addDays(today, 31) })).toHaveLength(0);
  });

  it('a search is one Query; a tampered cursor is a 400', async () => {
    const before = dynamoCalls.byCommand.QueryCommand ?? 0;
    await search({ occupation: '513', limit: '5' });
    expect((dynamoCalls.byCommand.QueryCommand ?? 0) - before).toBe(1);
    const bad = await search({ occupation: '513', cursor: 'AAAA-manipuliert' });
    expect(bad.status).toBe(400);
  });
});

describe('the public catalogue', () => {
  it('shows current offers without sign-in and without any contact person', async () => {
    const { body: o } = await create(
      anOffer({ title: `Öffentlich ${Date.now()}`, occupationCode: '51312', startDates: [addDays(today, -10), addDays(today, 20)] }),
    );
    const res = await call(catalogue, 'GET /api/catalogue', { query: { occupation: '513', limit: '100' }, as: 'anonymous' });
    expect(res.status).toBe(200);
    const shown = res.body.items.find((i: { id: string }) => i.id === o.id);
    // A start already past is not offered to the public any more.
    expect(shown).toMatchObject({ title: o.title, providerName: 'Bildungswerk Hafen', azav: true, startDates: [addDays(today, 20)] });
    expect(JSON.stringify(res.body)).not.toMatch(/Anna Schulz|anna@|providerMemberId/);
  });
});

describe('a plan built from the catalogue', () => {
  it('a module taken from an offer keeps the link; an unknown offer is refused on offerId', async () => {
    const { body: o } = await create(anOffer({ title: 'QB 2: Kommissionierung', hours: 210 }));
    const { body: c } = await call(cases, 'POST /api/cases', { body: aCase(), as: 'counsellor', userId: 'counsellor-1' });
    const module = { title: o.title, kind: o.kind, hours: o.hours, providerMemberId: provider, startDate: o.startDates[0], offerId: o.id };
    const res = await call(cases, 'POST /api/cases/{id}/modules', { params: { id: c.id }, body: module, as: 'counsellor', userId: 'counsellor-1' });
    expect(res.status).toBe(201);
    expect(res.body.modules[0]).toMatchObject({ offerId: o.id, title: 'QB 2: Kommissionierung', hours: 210 });
    const unknown = await call(cases, 'POST /api/cases/{id}/modules', {
      params: { id: c.id },
      body: { ...module, offerId: '01J0000000000000000000000Z' },
      as: 'counsellor',
      userId: 'counsellor-1',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('offerId');
  });
});

describe('demand beside supply', () => {
  it('shows per occupation group the open needs beside the current offers, with the gaps first', async () => {
    const { handler: needs } = await import('#functions/needs/handler.ts');
    const { handler: companies } = await import('#functions/companies/handler.ts');
    const { aCompany } = await import('../support/builders.ts');
    const aCompanyId = async (district: 'rostock_city' | 'vorpommern_ruegen' = 'rostock_city') =>
      (await call(companies, 'POST /api/companies', { body: aCompany({ district }), as: 'coordinator' })).body.id as string;
    const need = async (companyId: string, occupationId: string, headcount: number) =>
      expect((await call(needs, 'POST /api/needs', { body: { companyId, occupationId, headcount, timeframe: 'now' }, as: 'coordinator' })).status).toBe(201);
    const [a, b, c] = [await aCompanyId(), await aCompanyId(), await aCompanyId('vorpommern_ruegen')];
    await need(a, '51312-fachkraft-fuer-lagerlogistik', 3);
    await need(b, '51312-fachlagerist-in', 2);
    await need(c, '63212-kaufmann-frau-fuer-hotelmanagement', 4);
    expect((await create(anOffer({ occupationCode: '22102', startDates: [addDays(today, 9)], places: 8 }))).status).toBe(201);
    expect((await create(anOffer({ occupationCode: '63212', startDates: [addDays(today, -3)] }))).status).toBe(201); // past: not supply

    const before = dynamoCalls.byCommand.QueryCommand ?? 0;
    const res = await call(handler, 'GET /api/offers/demand', { as: 'counsellor' });
    expect(res.status).toBe(200);
    // One Query on the open needs, one on the current offers (each a single page at this size).
    expect((dynamoCalls.byCommand.QueryCommand ?? 0) - before).toBe(2);
    const byGroup = Object.fromEntries(res.body.groups.map((g: { group: string }) => [g.group, g]));
    expect(byGroup['632']).toMatchObject({ title: 'Hotellerie', needs: 1, headcount: 4, companies: 1, offers: 0, gap: 'no_offer' });
    expect(byGroup['221']).toMatchObject({ title: 'Kunststoff- und Kautschukherstellung und -verarbeitung', needs: 0, offers: 1, places: 8, gap: 'no_demand' });
    expect(byGroup['513']).toMatchObject({ needs: 2, headcount: 5, companies: 2 });
    expect(byGroup['513'].offers).toBeGreaterThan(0);
    expect(byGroup['513']).not.toHaveProperty('gap');
    expect(res.body.groups[0].gap).toBe('no_offer');
    expect(res.body.groups.at(-1).gap).toBe('no_demand');

    // In one district: Rügen's hotel need, and no offer there.
    const rügen = await call(handler, 'GET /api/offers/demand', { query: { district: 'vorpommern_ruegen' }, as: 'counsellor' });
    expect(rügen.body.groups).toEqual([expect.objectContaining({ group: '632', needs: 1, offers: 0, gap: 'no_offer' })]);
  });
});
