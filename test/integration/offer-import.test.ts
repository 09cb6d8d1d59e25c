// A training provider's list of offers, imported from CSV or Excel: the columns map to the offer's fields (German
// headers, dates as 15.01.2027, "ja"/"nein", a decimal comma), a dry run reports each wrong row with its field, and the
// import is all or nothing, written by a job whose items each write one offer with the provider's name.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as offers } from '#functions/offers/handler.ts';
import { handler as members } from '#functions/members/handler.ts';
import { handler as jobs } from '#functions/jobs/handler.ts';
import { database } from '#functions/clients.ts';
import { occupationsService } from '#shared/occupations/domain.ts';
import { rowToOffer } from '#shared/offers/import-columns.ts';
import { addDays, berlinDate } from '#shared/time.ts';
import { call } from '../support/api.ts';
import { aMember } from '../support/builders.ts';
import { jobEnded, startJobWorker } from '../support/jobs.ts';

const today = berlinDate(new Date());
const german = (iso: string) => iso.split('-').reverse().join('.');
let provider = '';

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
  provider = (await call(members, 'POST /api/members', { body: aMember({ name: 'Bildungszentrum Süd' }), as: 'coordinator' })).body.id;
});

const sheetRow = (o: Record<string, string> = {}) => ({
  Titel: 'QB 2: Maschinen einrichten',
  KldB: '24112',
  Art: 'Qualifizierungsbaustein',
  Stunden: '280',
  Form: 'Teilzeit',
  Plätze: '10',
  Beginn: `${german(addDays(today, 20))}; ${addDays(today, 80)}`,
  Landkreis: 'Hanse- und Universitätsstadt Rostock',
  Ort: 'Rostock, Werftstraße 4',
  'Kosten (€)': '2.450,50',
  AZAV: 'ja',
  Ansprechperson: 'Jana Koch',
  'E-Mail': 'koch@bz-sued.example',
  ...o,
});

describe('the columns of an offer list', () => {
  it('map German headers and the ways a spreadsheet writes numbers, dates and yes/no to the offer’s fields', () => {
    expect(rowToOffer(sheetRow())).toEqual({
      title: 'QB 2: Maschinen einrichten',
      occupationCode: '24112',
      kind: 'qualification_module',
      hours: 280,
      format: 'part_time',
      places: 10,
      startDates: [addDays(today, 20), addDays(today, 80)],
      district: 'rostock_city',
      place: 'Rostock, Werftstraße 4',
      costEuro: 2450.5,
      azav: true,
      contact: { name: 'Jana Koch', email: 'koch@bz-sued.example' },
    });
  });

  it('leave what they cannot read as it is, so the dry run names the field', () => {
    expect(rowToOffer(sheetRow({ Stunden: 'viele', Art: 'Kurs', Farbe: 'blau' }))).toMatchObject({ hours: 'viele', kind: 'Kurs', Farbe: 'blau' });
  });
});

describe('importing a provider’s offers', () => {
  const post = (body: unknown, as: 'coordinator' | 'counsellor' = 'coordinator') => call(offers, 'POST /api/offers/import', { body, as });

  it('a dry run reports each wrong row with its field and writes nothing', async () => {
    const rows = [rowToOffer(sheetRow()), rowToOffer(sheetRow({ Stunden: '80' })), rowToOffer(sheetRow({ Farbe: 'blau' }))];
    const res = await post({ providerMemberId: provider, dryRun: false, rows });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, valid: 1, imported: 0 });
    expect(res.body.errors).toEqual([
      { row: 3, field: 'hours', reason: 'ein Qualifizierungsbaustein hat 140 bis 420 Stunden' },
      { row: 4, field: 'Farbe', reason: 'unbekannte Spalte' },
    ]);
    expect(res.body.jobId).toBeUndefined();
  });

  it('the provider must be a training provider of the network, and only coordinators import', async () => {
    const company = (await call(members, 'POST /api/members', { body: aMember({ kind: 'company' }), as: 'coordinator' })).body.id;
    const wrong = await post({ providerMemberId: company, dryRun: true, rows: [rowToOffer(sheetRow())] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([expect.objectContaining({ path: 'providerMemberId' })]);
    expect((await post({ providerMemberId: provider, dryRun: true, rows: [rowToOffer(sheetRow())] }, 'counsellor')).status).toBe(403);
    const tooMany = await post({ providerMemberId: provider, dryRun: true, rows: Array.from({ length: 501 }, () => ({ title: 'x' })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields[0].path).toBe('rows');
  });

  it('a valid list becomes a job that writes every offer once, with the provider, found by the search', async () => {
    await startJobWorker();
    const tag = Date.now().toString(36);
    const rows = Array.from({ length: 40 }, (_, i) => rowToOffer(sheetRow({ Titel: `Import ${tag} ${i}`, KldB: '24122' })));
    const dry = await post({ providerMemberId: provider, dryRun: true, rows });
    expect(dry.body).toMatchObject({ rows: 40, valid: 40, errors: [], imported: 0 });
    const res = await post({ providerMemberId: provider, dryRun: false, rows });
    expect(res.body).toMatchObject({ rows: 40, valid: 40, imported: 40, jobId: expect.any(String) });
    const job = await jobEnded(res.body.jobId);
    expect(job).toMatchObject({ kind: 'offer-import', subject: { type: 'offer-import', id: res.body.jobId }, total: 40, done: 40, failed: 0 });
    const found = await call(offers, 'GET /api/offers', { query: { occupation: '24122', limit: '100' }, as: 'counsellor' });
    const imported = found.body.items.filter((o: { title: string }) => o.title.startsWith(`Import ${tag}`));
    expect(imported).toHaveLength(40);
    expect(imported[0]).toMatchObject({ providerName: 'Bildungszentrum Süd', providerMemberId: provider, costEuro: 2450.5, lastStart: addDays(today, 80) });
    // The job's items name the offer; what was imported is audited with the job.
    const items = await call(jobs, 'GET /api/jobs/{id}/items', { params: { id: job.id }, query: { limit: '5' }, as: 'coordinator' });
    expect(items.body.items[0]).not.toHaveProperty('payload');
    expect(items.body.items[0].label).toMatch(new RegExp(`^Import ${tag}`));
  });
});

describe('export and import use the same columns', () => {
  it('an offer written as a row reads back as the same offer', async () => {
    const offer = {
      title: 'Anpassung: Hydraulik',
      occupationCode: '25212',
      kind: 'adaptation',
      hours: 96,
      format: 'in_company',
      places: 4,
      startDates: [addDays(today, 5), addDays(today, 40)],
      district: 'vorpommern_greifswald',
      place: 'Greifswald',
      costEuro: 12345.67,
      azav: false,
      contact: { name: 'Özlem Yılmaz', phone: '0381 123' },
      description: 'Praxisnah; mit Zertifikat',
    };
    const { offerToRow } = await import('#shared/offers/import-columns.ts');
    expect(rowToOffer(offerToRow(offer))).toEqual(offer);
  });
});
