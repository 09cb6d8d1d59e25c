// Every read of a case is audited, the duplicate check and a need's matches included, and each entry names its request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'amon-audit-outbox-'));

const { handler: cases } = await import('#functions/cases/handler.ts');
const { handler: matching } = await import('#functions/matching/handler.ts');
const { database } = await import('#functions/clients.ts');
const { occupationsService } = await import('#shared/occupations/domain.ts');
const { apiEvent, call, lambdaContext } = await import('../support/api.ts');
const { aCaseInCounselling, anOpenNeed } = await import('../support/matching.ts');

const COUNSELLOR = { as: 'counsellor' as const, userId: 'counsellor-audit' };

beforeAll(async () => {
  await occupationsService(database()).seedShipped();
});

const trailOf = async (caseId: string) =>
  (await call(cases, 'GET /api/cases/{id}/audit', { params: { id: caseId }, query: { limit: '100' }, as: 'admin' })).body.items as { action: string; fields: string[]; actorId: string; requestId?: string }[];

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
});
