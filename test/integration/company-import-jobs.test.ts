// The company import as background work: the request checks every row, stages the rows under a job and writes the
// job last (the commit point), then answers at once. The worker writes each company once and counts it once, however
// often an item is handed to it; rows staged by a request that died before its job was written never become companies.
import { describe, expect, it } from 'vitest';

const { handler: companies } = await import('#functions/companies/handler.ts');
const { database } = await import('#functions/clients.ts');
const { jobRepository } = await import('#shared/jobs/repository.ts');
const { keys } = await import('#shared/table/keys.ts');
const { call } = await import('../support/api.ts');
const { aCompany } = await import('../support/builders.ts');
const { jobEnded, startJobWorker } = await import('../support/jobs.ts');

const db = database();
const repo = jobRepository(db);

/** The company counter of the dashboard. */
const counted = async () => Number((await db.get(keys.counters(), true))?.companies ?? 0);

describe('the company import as a job', () => {
  it('300 rows answer at once with the job; the worker writes each company once and counts each once', async () => {
    await startJobWorker();
    const before = await counted();
    const tag = Date.now().toString(36);
    const rows = Array.from({ length: 300 }, (_, i) => aCompany({ name: `Importbetrieb ${tag} ${String(i).padStart(3, '0')}` }));
    const res = await call(companies, 'POST /api/companies/import', { body: { dryRun: false, rows }, as: 'coordinator' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 300, valid: 300, errors: [], imported: 300, jobId: expect.any(String) });
    const job = await jobEnded(res.body.jobId);
    expect(job).toMatchObject({ kind: 'company-import', subject: { type: 'company-import', id: res.body.jobId }, total: 300, done: 300, failed: 0 });
    expect(await counted()).toBe(before + 300);
    const found = await call(companies, 'GET /api/companies', { query: { q: `Importbetrieb ${tag}`, limit: '100' }, as: 'coordinator' });
    expect(found.body.items).toHaveLength(100);
    // The job's items name the company, never hand its data out.
    const items = await call(await import('#functions/jobs/handler.ts').then((m) => m.handler), 'GET /api/jobs/{id}/items', {
      params: { id: job.id },
      query: { limit: '5' },
      as: 'coordinator',
    });
    expect(items.body.items[0]).not.toHaveProperty('payload');
    expect(items.body.items[0].label).toMatch(/^Importbetrieb /);
    // Once written, the row (with its contact person) is no longer kept on the item.
    expect(await db.get(keys.jobItem(job.id, items.body.items[0].key), true)).not.toHaveProperty('payload');

    // An item handed to the worker again after its company was written (the end of the attempt was lost).
    const [first] = (await repo.items(job.id, undefined, 1)).items;
    await db.write({ update: keys.jobItem(job.id, first!.key), set: { state: 'pending' } });
    await db.write({ update: keys.job(job.id), set: { status: 'running' }, add: { done: -1 } });
    expect(await jobEnded(job.id)).toMatchObject({ status: 'done', done: 300 });
    expect(await counted()).toBe(before + 300);
  });

  it('rows staged by a request that died before writing its job never become companies, and expire', async () => {
    await startJobWorker();
    const before = await counted();
    const c = { ...aCompany(), id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    await repo.stage('01JZZZZZZZZZZZZZZZZZZZZZZY', [{ key: c.id, label: c.name, payload: c }], new Date());
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await db.get(keys.company(c.id), true)).toBeUndefined();
    expect(await counted()).toBe(before);
    const staged = await db.get(keys.jobItem('01JZZZZZZZZZZZZZZZZZZZZZZY', c.id), true);
    expect(staged).toMatchObject({ state: 'staged', expiresAt: expect.any(Number) });
  });

  it('a dry run and a file with a bad row write nothing and start no job', async () => {
    const rows = [aCompany(), { ...aCompany(), sizeClass: 'riesig' }];
    const dry = await call(companies, 'POST /api/companies/import', { body: { dryRun: true, rows: [aCompany()] }, as: 'coordinator' });
    expect(dry.body).toMatchObject({ rows: 1, valid: 1, imported: 0 });
    expect(dry.body.jobId).toBeUndefined();
    const bad = await call(companies, 'POST /api/companies/import', { body: { dryRun: false, rows }, as: 'coordinator' });
    expect(bad.body).toMatchObject({ rows: 2, valid: 1, imported: 0, errors: [{ row: 3, field: 'sizeClass' }] });
    expect(bad.body.jobId).toBeUndefined();
  });
});
