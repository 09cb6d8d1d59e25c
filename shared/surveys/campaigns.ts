// Campaigns: create and edit in draft, open (questions freeze, occupations are taken over, invitations go out), close, new wave.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, NotFound, StaleVersion } from '../errors.ts';
import { occupationsService } from '../occupations/domain.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import { berlinDate, type Clock } from '../time.ts';
import { startInvitations } from './jobs.ts';
import { surveyRepository } from './repository.ts';
import type { Campaign, CampaignInput, CampaignUpdate, WaveInput } from './schema.ts';

const FROZEN = 'Die Fragen sind eingefroren, seit die Umfrage geöffnet wurde.';

export function campaignService(db: Db, clock: Clock) {
  const repo = surveyRepository(db);
  const occupations = occupationsService(db);

  async function get(id: string, consistent = false): Promise<Campaign> {
    const c = await repo.campaign(id, consistent);
    if (!c) throw new NotFound('Die Umfrage wurde nicht gefunden.');
    return c;
  }

  /** Writes the campaign if nobody changed it since `version` was read; the counters stay untouched. `also` adds to the change. */
  async function save(before: Campaign, after: Campaign, actor: Actor, now: Date, also?: (change: WriteSet) => void) {
    const change = repo.saveCampaign(before, after, writeSet(db)).audit(actor, 'update', 'campaign', after.id, changedFields(before, after), now);
    also?.(change);
    await change.commit();
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
    await repo.createCampaign(c, writeSet(db)).audit(actor, 'create', 'campaign', c.id, Object.keys(input), now).commit();
    return c;
  }

  return {
    get,
    create,
    list: (q: Parameters<typeof repo.list>[0]) => repo.list(q),

    async update(id: string, input: CampaignUpdate, actor: Actor): Promise<Campaign> {
      const before = await get(id, true);
      if (before.status === 'closed') throw new Conflict('Eine geschlossene Umfrage kann nicht mehr geändert werden.', 'campaign_closed');
      const { version, ...fields } = input;
      if (version !== before.version) throw new StaleVersion();
      if (before.status === 'open') {
        if (JSON.stringify(fields.questions) !== JSON.stringify(before.questions))
          throw new Conflict(FROZEN, 'questions_frozen', [{ path: 'questions', message: 'eingefroren' }]);
        if (fields.kind !== before.kind)
          throw new Conflict('Die Art einer geöffneten Umfrage bleibt.', 'kind_frozen', [{ path: 'kind', message: 'eingefroren' }]);
      }
      const now = clock();
      return save(before, { ...before, ...fields, version: before.version + 1, updatedAt: now.toISOString() }, actor, now);
    },

    /**
     * Opens a draft: from now on questions are frozen and answers are accepted within the dates. The invitation
     * e-mails go out as a job written in the same transaction; the campaign comes back with the job's id.
     */
    async open(id: string, actor: Actor): Promise<Campaign & { jobId?: string }> {
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
      const after: Campaign = {
        ...before,
        status: 'open',
        occupations: choices,
        version: before.version + 1,
        updatedAt: now.toISOString(),
        openedAt: now.toISOString(),
      };
      let jobId: string | undefined;
      await save(before, after, actor, now, (change) => {
        if (before.counts.invited > 0) jobId = startInvitations(db, after, change, actor, now).id;
      });
      return jobId ? { ...after, jobId } : after;
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
        const change = writeSet(db);
        for (const inv of chunk) repo.removeInvitation(id, inv.companyId, change);
        await change.commit();
      }
      const now = clock();
      await repo
        .removeDraft(id, writeSet(db), () => new Conflict('Nur Entwürfe können gelöscht werden; schließen Sie die Umfrage stattdessen.', 'not_draft'))
        .audit(actor, 'delete', 'campaign', id, [], now)
        .commit();
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
