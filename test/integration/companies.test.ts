import { describe, expect, it } from 'vitest';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTable } from '#shared/table/dynamodb.ts';
import { handler } from '#functions/companies/handler.ts';
import { companiesContract } from '#functions/companies/contract.ts';
import { database } from '#functions/clients.ts';
import { companiesService } from '#shared/companies/domain.ts';
import type { Db } from '#shared/table/access.ts';
import { aCompany } from '../support/builders.ts';
import { call } from '../support/api.ts';
import { jobEnded, startJobWorker } from '../support/jobs.ts';

const create = (body: unknown) => call(handler, 'POST /api/companies', { body, as: 'coordinator' });
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name);

describe('the company registry', () => {
  it('filters by sector, district and size, alone and combined, and searches by name prefix', async () => {
    await create(aCompany({ name: 'Ärztehaus Güstrow', wzSection: 'Q', district: 'landkreis_rostock', sizeClass: '10-49' }));
    await create(aCompany({ name: 'Ostsee Pflege', wzSection: 'Q', district: 'rostock_city', sizeClass: '50-249' }));
    await create(aCompany({ name: 'Werft Wismar', wzSection: 'C', district: 'nordwestmecklenburg', sizeClass: '250+' }));
    const list = (query: Record<string, string>) => call(handler, 'GET /api/companies', { query, as: 'counsellor' });
    expect(names(await list({ wzSection: 'Q' }))).toEqual(['Ärztehaus Güstrow', 'Ostsee Pflege']);
    expect(names(await list({ wzSection: 'Q', district: 'rostock_city' }))).toEqual(['Ostsee Pflege']);
    expect(names(await list({ district: 'nordwestmecklenburg', sizeClass: '250+' }))).toEqual(['Werft Wismar']);
    expect(names(await list({ sizeClass: '50-249' }))).toContain('Ostsee Pflege');
    expect(names(await list({ q: 'aerzte' }))).toEqual(['Ärztehaus Güstrow']);
  });

  it('warns of a duplicate by name and postcode', async () => {
    const { body } = await create(aCompany({ name: 'Bäckerei Möller', postcode: '18055' }));
    const dup = await call(handler, 'GET /api/companies/duplicates', { query: { name: 'BAECKEREI MÖLLER', postcode: '18055' }, as: 'coordinator' });
    expect(dup.body).toEqual([{ id: body.id, name: 'Bäckerei Möller' }]);
  });

  it('two updates with the same version: one wins, the other gets 409', async () => {
    const { body: c } = await create(aCompany());
    const change = (city: string) =>
      call(handler, 'PUT /api/companies/{id}', { params: { id: c.id }, body: { ...aCompany(), city, version: 1 }, as: 'coordinator' });
    expect((await Promise.all([change('Rostock'), change('Warnemünde')])).map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it.each(
    Object.values(companiesContract.operations)
      .filter((o) => !o.route.startsWith('GET'))
      .map((o) => [o.route]),
  )('a counsellor gets 403 on %s', async (route) => {
    const res = await call(handler, route, { as: 'counsellor', params: { id: '01J0000000000000000000000A' }, body: {} });
    expect(res.status).toBe(403);
  });

  it('refuses bad input with field paths', async () => {
    const res = await create({ ...aCompany(), wzSection: 'Z', postcode: '123', fax: '1' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['fax', 'postcode', 'wzSection']);
  });
});

describe('importing companies', () => {
  const row = (over: Record<string, unknown> = {}) => ({ ...aCompany(), ...over });

  it('a dry run reports each bad row, field and reason and writes nothing', async () => {
    const before = await call(handler, 'GET /api/companies', { query: { q: 'Import' }, as: 'coordinator' });
    const res = await call(handler, 'POST /api/companies/import', {
      body: {
        dryRun: true,
        rows: [row({ name: 'Import Eins' }), row({ name: 'Import Zwei', sizeClass: 'riesig' }), row({ name: 'Import Drei', postcode: '1', Spalte: 'x' })],
      },
      as: 'coordinator',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, valid: 1, imported: 0 });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'sizeClass' }),
        expect.objectContaining({ row: 4, field: 'postcode' }),
        { row: 4, field: 'Spalte', reason: 'unbekannte Spalte' },
      ]),
    );
    expect((await call(handler, 'GET /api/companies', { query: { q: 'Import' }, as: 'coordinator' })).body.items).toEqual(before.body.items);
  });

  it('imports all rows when every row is valid', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row({ name: `Massenimport ${String(i).padStart(2, '0')}` }));
    const res = await call(handler, 'POST /api/companies/import', { body: { dryRun: false, rows }, as: 'coordinator' });
    expect(res.body).toMatchObject({ rows: 60, valid: 60, imported: 60, errors: [] });
    await jobEnded(res.body.jobId);
    const page = await call(handler, 'GET /api/companies', { query: { q: 'massenimport', limit: '100' }, as: 'coordinator' });
    expect(page.body.items).toHaveLength(60);
  });

  it('a request that fails before its job is written leaves nothing behind, even with the worker running', async () => {
    await startJobWorker();
    const real = database();
    let transactions = 0;
    const failing: Db = dynamoTable(
      {
        send: (command: unknown) => {
          // The rows are staged (one transaction); the job, the commit point, fails.
          if (command instanceof TransactWriteCommand && ++transactions === 2) return Promise.reject(new Error('Verbindung unterbrochen'));
          return real.doc.send(command as never);
        },
      } as unknown as DynamoDBDocumentClient,
      real.tableName,
    );
    const rows = Array.from({ length: 80 }, (_, i) => row({ name: `Abbruch ${String(i).padStart(2, '0')}` }));
    await expect(companiesService(failing).import(rows, false, { id: 'u', email: '', roles: ['coordinator'] })).rejects.toThrow('Verbindung unterbrochen');
    expect(transactions).toBe(2);
    await new Promise((r) => setTimeout(r, 1_000));
    const page = await call(handler, 'GET /api/companies', { query: { q: 'abbruch', limit: '100' }, as: 'coordinator' });
    expect(page.body.items).toEqual([]);
  });
});
