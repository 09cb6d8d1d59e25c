// Campaigns: create and edit in draft, open (questions freeze, occupations are taken over, invitations go out), close, new wave.
import { ulid } from 'ulid';
import { auditItem, changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, NotFound, StaleVersion } from '../errors.ts';
import { occupationsService } from '../occupations/domain.ts';
import { put, setAttributes, transact, type Db, type TransactItem } from '../table/access.ts';
import { writeSet } from '../table/write-set.ts';
import { keys } from '../table/keys.ts';
import { berlinDate, type Clock } from '../time.ts';
import { campaignItem, COUNT_NAMES, surveyRepository } from './repository.ts';
import type { Campaign, CampaignInput, CampaignUpdate, WaveInput } from './schema.ts';

const FROZEN = 'Die Fragen sind eingefroren, seit die Umfrage geöffnet wurde.';

export function campaignService(db: Db, clock: Clock) {
  const repo = surveyRepository(db);
  const occupations = occupationsService(db);
  const audit = (actor: Actor, action: 'create' | 'update' | 'delete', id: string, fields: string[], at: Date): TransactItem => ({
    Put: { TableName: db.tableName, Item: auditItem(actor, action, 'campaign', id, fields, at) },
  });

  async function get(id: string, consistent = false): Promise<Campaign> {
    const c = await repo.campaign(id, consistent);
    if (!c) throw new NotFound('Die Umfrage wurde nicht gefunden.');
    return c;
  }

  /** Writes the campaign if nobody changed it since `version` was read; the counters stay untouched. */
  async function save(before: Campaign, after: Campaign, actor: Actor, now: Date) {
    const { counts: _counts, ...fields } = after;
    const item = { ...campaignItem({ ...after, counts: before.counts }), ...fields };
    for (const n of COUNT_NAMES) delete (item as Record<string, unknown>)[n];
    const removed = Object.keys(before).filter((k) => !(k in after));
    await writeSet(db)
      .addAll([
        setAttributes(db, keys.campaign(after.id), item, { remove: removed, condition: 'version = :v', values: { ':v': before.version } }),
        audit(actor, 'update', after.id, changedFields(before, after), now),
      ])
      .commit();
    return after;
  }

  async function create(input: CampaignInput, actor: Actor, previousWaveId?: string): Promise<Campaign> {
    const now = clock();
    const c: Campaign = {
      ...input,
      id: ulid(now.getTime()),
      version: 1,
      status: 'draft',
      ...(previousWaveId ? { previousWaveId } : {}),
      occupations: [],
      counts: { invited: 0, sent: 0, opened: 0, submitted: 0 },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await transact(db, [put(db, campaignItem(c), 'attribute_not_exists(pk)'), audit(actor, 'create', c.id, Object.keys(input), now)]);
    return c;
  }

  return {
    get,
    create,
    list: repo.list,

    async update(id: string, input: CampaignUpdate, actor: Actor): Promise<Campaign> {
      const before = await get(id, true);
      if (before.status === 'closed') throw new Conflict('Eine geschlossene Umfrage kann nicht mehr geändert werden.', 'campaign_closed');
      const { version, ...fields } = input;
      if (version !== before.version) throw new StaleVersion();
      if (before.status === 'open') {
        if (JSON.stringify(fields.questions) !== JSON.stringify(before.questions)) throw new Conflict(FROZEN, 'questions_frozen', [{ path: 'questions', message: 'eingefroren' }]);
        if (fields.kind !== before.kind) throw new Conflict('Die Art einer geöffneten Umfrage bleibt.', 'kind_frozen', [{ path: 'kind', message: 'eingefroren' }]);
      }
      const now = clock();
      return save(before, { ...before, ...fields, version: before.version + 1, updatedAt: now.toISOString() }, actor, now);
    },

    /** Opens a draft: from now on questions are frozen and answers are accepted within the dates. */
    async open(id: string, actor: Actor): Promise<Campaign> {
      const before = await get(id, true);
      if (before.status !== 'draft') throw new Conflict('Nur ein Entwurf kann geöffnet werden.', 'not_draft');
      const now = clock();
      const missing = [
        ...(before.questions.length ? [] : [{ path: 'questions', message: 'Die Umfrage hat noch keine Fragen.' }]),
        ...(before.closesOn < berlinDate(now) ? [{ path: 'closesOn', message: 'Das Ende liegt in der Vergangenheit.' }] : []),
      ];
      if (missing.length) throw new Conflict(`Die Umfrage kann noch nicht geöffnet werden: ${missing.map((m) => m.message).join(' ')}`, 'not_ready', missing);
      const asksOccupations = before.questions.some((q) => q.type === 'occupations');
      const list = asksOccupations ? await occupations.all() : [];
      // Answers name the KldB code (what cases and matching use); occupations sharing a code share one choice.
      const byCode = new Map<string, string[]>();
      for (const o of list) byCode.set(o.code, [...(byCode.get(o.code) ?? []), o.title]);
      const choices = [...byCode].map(([code, titles]) => ({ code, title: titles.join(' / ') }));
      const after: Campaign = { ...before, status: 'open', occupations: choices, version: before.version + 1, updatedAt: now.toISOString(), openedAt: now.toISOString() };
      return save(before, after, actor, now);
    },

    async close(id: string, actor: Actor): Promise<Campaign> {
      const before = await get(id, true);
      if (before.status !== 'open') throw new Conflict('Nur eine geöffnete Umfrage kann geschlossen werden.', 'not_open');
      const now = clock();
      return save(before, { ...before, status: 'closed', version: before.version + 1, updatedAt: now.toISOString(), closedAt: now.toISOString() }, actor, now);
    },

    /** A draft for the next wave: same kind, questions (same ids, so waves compare) and intro. */
    async newWave(id: string, input: WaveInput, actor: Actor): Promise<Campaign> {
      const source = await get(id);
      const { kind, intro, reminderDaysBefore, questions } = source;
      return create({ ...input, kind, reminderDaysBefore, questions, ...(intro ? { intro } : {}) }, actor, source.id);
    },

    /** Removes a draft with its invitations (none of which was sent yet). */
    async remove(id: string, actor: Actor): Promise<Campaign> {
      const c = await get(id, true);
      if (c.status !== 'draft') throw new Conflict('Nur Entwürfe können gelöscht werden; schließen Sie die Umfrage stattdessen.', 'not_draft');
      const invitations = await repo.allInvitations(id);
      for (let i = 0; i < invitations.length; i += 99) {
        const chunk = invitations.slice(i, i + 99);
        await transact(db, chunk.map((inv) => ({ Delete: { TableName: db.tableName, Key: keys.invitation(id, inv.companyId) } })));
      }
      const now = clock();
      await transact(db, [
        { Delete: { TableName: db.tableName, Key: keys.campaign(id), ConditionExpression: '#s = :draft', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':draft': 'draft' } } },
        audit(actor, 'delete', id, [], now),
      ]);
      return c;
    },
  };
}

/** Whether answers are accepted today (Europe/Berlin): open, and between the first and the last day. */
export function acceptsAnswers(c: Pick<Campaign, 'status' | 'opensOn' | 'closesOn'>, now: Date): 'open' | 'notYet' | 'closed' {
  const today = berlinDate(now);
  if (c.status === 'closed' || (c.status === 'open' && today > c.closesOn)) return 'closed';
  if (c.status !== 'open' || today < c.opensOn) return 'notYet';
  return 'open';
}
