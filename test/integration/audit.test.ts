// Every read of a case is audited, the duplicate check and a need's matches included, and each entry names its request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-audit-outbox-'));

const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { handler: settings } = await import('#functions/settings/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { apiEvent, call, lambdaContext } = await import('../support/api.ts');
const { aCaseInCounselling, anOpenNeed } = await import('../support/matching.ts');

const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-audit' };

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

const trailOf = async (caseId: string) =>
  (await call(cases, 'GET /api/cases/{id}/audit', { params: { id: caseId }, query: { limit: '100' }, as: 'admin' })).body.items as {
    action: string;
    fields: string[];
    actorId: string;
    requestId?: string;
  }[];

describe('audit', () => {
  it('a counsellor reading a need’s matches leaves a read entry on every case shown', async () => {
    const need = await anOpenNeed();
    const person = await aCaseInCounselling(COUNSELLOR.userId);
    expect((await call(matching, 'POST /api/cases/{id}/matches', { params: { id: person.id }, body: { needId: need.id }, ...COUNSELLOR })).status).toBe(201);
    const res = await call(matching, 'GET /api/needs/{id}/matches', { params: { id: need.id }, as: 'counsellor', userId: 'counsellor-reader' });
    expect(res.body.items[0].caseId).toBe(person.id);
    const reads = (await trailOf(person.id)).filter((e) => e.action === 'read' && e.actorId === 'counsellor-reader');
    expect(reads.map((e) => e.fields)).toEqual([['matches']]);
  });

  it('an audit entry carries the id of the request that wrote it', async () => {
    const person = await aCaseInCounselling(COUNSELLOR.userId);
    const event = apiEvent('GET /api/cases/{id}', { params: { id: person.id }, ...COUNSELLOR });
    const requestId = event.requestContext.requestId;
    expect((await cases(event, lambdaContext)).statusCode).toBe(200);
    const read = (await trailOf(person.id)).find((e) => e.requestId === requestId);
    expect(read).toMatchObject({ action: 'read', fields: ['*'] });
  });

  it('an administrator reads what one account did, and changing the settings is audited (answers checked against their schemas)', async () => {
    const current = await call(settings, 'GET /api/settings', { as: 'admin', userId: 'admin-audit' });
    expect(current.status).toBe(200);
    const { version, ...rest } = current.body;
    const saved = await call(settings, 'PUT /api/settings', { body: { ...rest, inquiryRetentionMonths: 4, version }, as: 'admin', userId: 'admin-audit' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ inquiryRetentionMonths: 4, version: version + 1 });
    const trail = await call(settings, 'GET /api/audit', { query: { userId: 'admin-audit' }, as: 'admin' });
    expect(trail.body.items[0]).toMatchObject({ action: 'update', recordType: 'settings', fields: expect.arrayContaining(['inquiryRetentionMonths']) });
  });
});
