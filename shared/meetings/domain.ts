// Network meetings: schedule, invite with a calendar entry, update (same UID, higher SEQUENCE), cancel, record
// attendance, minutes and decisions, monthly series, and action items that stay open until they are done.
import * as rrule from 'rrule';
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import type { Member } from '../members/schema.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { berlinDate, berlinInstant, systemClock, type Clock } from '../time.ts';
import { latestMeetingJob, startMeetingMails } from './jobs.ts';
import { actionItem, meetingItem, meetingRepository } from './repository.ts';
import type {
  ActionInput,
  ActionItem,
  ActionListQuery,
  ActionUpdate,
  AttendanceInput,
  AttendanceRate,
  Invitee,
  Meeting,
  MeetingInput,
  MeetingListQuery,
  MeetingUpdate,
  SeriesInput,
} from './schema.ts';

// rrule ships CommonJS to Node and ESM to bundlers: take RRule from whichever shape arrived.
const { RRule } = 'RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default;

/** What invitees are told about: a change to any of these sends an updated calendar entry. */
const NOTIFIED: (keyof Meeting)[] = ['title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'agenda'];

/** A meeting as a command that may mail answers it: with the job that sends the mails, if one was started. */
export type MeetingWithJob = Meeting & { jobId?: string };

export function meetingsService(db: Db, clock: Clock = systemClock) {
  const repo = meetingRepository(db);

  async function members(ids: string[]): Promise<Map<string, Member>> {
    return new Map((await repo.members(ids)).map((m) => [m.id, m]));
  }

  /** Invitees as of now: each member's name and its contacts with an e-mail address; attendance already recorded stays. */
  async function invitees(ids: string[], before: Invitee[] = []): Promise<Invitee[]> {
    const unique = [...new Set(ids)];
    const found = await members(unique);
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new Invalid(missing.map((id) => ({ path: `inviteeIds.${unique.indexOf(id)}`, message: 'unbekannter Netzwerkpartner' })));
    const previous = new Map(before.map((i) => [i.memberId, i]));
    return unique.map((id) => {
      const m = found.get(id)!;
      const attendance = previous.get(id)?.attendance;
      return {
        memberId: id,
        name: m.name,
        contacts: m.contacts.filter((c) => c.email).map((c) => ({ name: c.name, email: c.email! })),
        ...(attendance ? { attendance } : {}),
      };
    });
  }

  async function get(id: string): Promise<Meeting> {
    const m = await repo.get(id);
    if (!m) throw new NotFound('Das Treffen wurde nicht gefunden.');
    return m;
  }

  function checkFuture(startsAt: string, now: Date, path = 'startsAt') {
    if (berlinInstant(startsAt) < now) throw new Invalid([{ path, message: 'liegt in der Vergangenheit' }]);
  }

  return {
    get,
    list: (q: MeetingListQuery) => repo.list(q),

    /** The meeting with its own action items and the open ones carried over from earlier meetings. */
    async view(id: string) {
      const { meeting, actions } = await repo.withActions(id);
      if (!meeting) throw new NotFound('Das Treffen wurde nicht gefunden.');
      const carriedOver = (await repo.openActions()).filter((a) => a.meetingId !== id && a.meetingStartsAt < meeting.startsAt);
      return { ...meeting, actions, carriedOver };
    },

    async create(input: MeetingInput, actor: Actor): Promise<Meeting> {
      const now = clock();
      const m: Meeting = {
        ...input,
        id: ulid(now.getTime()),
        invitees: await invitees(input.inviteeIds),
        decisions: [],
        sequence: 0,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await writeSet(db)
        .create(meetingItem(m))
        .audit(actor, 'create', 'meeting', m.id, Object.keys(input).sort(), now)
        .event({ type: 'meeting.scheduled', at: now, data: { meetingId: m.id, kind: m.kind, startsAt: m.startsAt } })
        .commit();
      return m;
    },

    /** Changes the meeting; when invitations went out and something invitees see changed, they get the updated entry. */
    async update(id: string, input: MeetingUpdate, actor: Actor): Promise<MeetingWithJob> {
      const before = await get(id);
      if (before.cancelledAt) throw new Conflict('Das Treffen ist abgesagt.', 'cancelled');
      const now = clock();
      const { version, ...fields } = input;
      const changedForInvitees = NOTIFIED.some((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k as keyof typeof fields]));
      const inviteesChanged = JSON.stringify(before.inviteeIds) !== JSON.stringify(fields.inviteeIds);
      const after: Meeting = {
        ...before,
        ...fields,
        invitees: inviteesChanged ? await invitees(fields.inviteeIds, before.invitees) : before.invitees,
        sequence: before.invitationsSentAt && changedForInvitees ? before.sequence + 1 : before.sequence,
        version: version + 1,
        updatedAt: now.toISOString(),
      };
      if (!fields.minutes) delete after.minutes;
      if (!fields.place) delete after.place;
      if (!fields.onlineUrl) delete after.onlineUrl;
      const change = writeSet(db).replace(meetingItem(after), version).audit(actor, 'update', 'meeting', id, changedFields(before, after), now);
      let job: { id: string } | undefined;
      if (after.invitationsSentAt && berlinInstant(after.endsAt) > now) {
        if (changedForInvitees) job = startMeetingMails(db, after, 'update', change, actor, now);
        else if (inviteesChanged) {
          // Only the newly invited need the entry.
          const known = new Set(before.inviteeIds);
          const added = after.inviteeIds.filter((m) => !known.has(m));
          if (added.length) job = startMeetingMails(db, after, 'invitation', change, actor, now, added);
        }
      }
      await change.commit();
      return { ...after, ...(job ? { jobId: job.id } : {}) };
    },

    /** Sends the invitations (again, to everyone) with the calendar entry. */
    async invite(id: string, actor: Actor): Promise<MeetingWithJob> {
      const before = await get(id);
      if (before.cancelledAt) throw new Conflict('Das Treffen ist abgesagt.', 'cancelled');
      const now = clock();
      checkFuture(before.startsAt, now);
      if (!before.invitees.some((i) => i.contacts.length))
        throw new Conflict('Keiner der eingeladenen Netzwerkpartner hat einen Kontakt mit E-Mail-Adresse.', 'no_recipients', [
          { path: 'inviteeIds', message: 'kein Kontakt mit E-Mail' },
        ]);
      const after: Meeting = { ...before, invitationsSentAt: now.toISOString(), version: before.version + 1, updatedAt: now.toISOString() };
      const change = writeSet(db).replace(meetingItem(after), before.version).audit(actor, 'update', 'meeting', id, ['invitationsSentAt'], now);
      const job = startMeetingMails(db, after, 'invitation', change, actor, now);
      await change.commit();
      return { ...after, jobId: job.id };
    },

    /**
     * Calls the meeting off: invitees who were invited get a cancellation that removes the calendar entry. Calling it
     * off again answers the cancellation's job, which goes on until everyone has heard.
     */
    async cancel(id: string, actor: Actor): Promise<MeetingWithJob> {
      const before = await get(id);
      if (before.cancelledAt) {
        const job = await latestMeetingJob(db, id, 'cancellation');
        return { ...before, ...(job ? { jobId: job.id } : {}) };
      }
      const now = clock();
      const after: Meeting = {
        ...before,
        cancelledAt: now.toISOString(),
        sequence: before.sequence + 1,
        version: before.version + 1,
        updatedAt: now.toISOString(),
      };
      const change = writeSet(db).replace(meetingItem(after), before.version).audit(actor, 'update', 'meeting', id, ['cancelledAt'], now);
      const job = before.invitationsSentAt && berlinInstant(before.endsAt) > now ? startMeetingMails(db, after, 'cancellation', change, actor, now) : undefined;
      await change.commit();
      return { ...after, ...(job ? { jobId: job.id } : {}) };
    },

    /** Deletes a meeting that was never announced, with its action items. */
    async remove(id: string, actor: Actor): Promise<Meeting> {
      const { meeting, actions } = await repo.withActions(id);
      if (!meeting) throw new NotFound('Das Treffen wurde nicht gefunden.');
      if (meeting.invitationsSentAt && !meeting.cancelledAt) throw new Conflict('Eingeladene Treffen werden abgesagt, nicht gelöscht.', 'invited');
      const now = clock();
      await repo.remove(meeting, actions, writeSet(db)).audit(actor, 'delete', 'meeting', id, [], now).commit();
      return meeting;
    },

    async recordAttendance(id: string, input: AttendanceInput, actor: Actor): Promise<Meeting> {
      const before = await get(id);
      const byMember = new Map(input.entries.map((e) => [e.memberId, e.attendance]));
      const unknown = input.entries.findIndex((e) => !before.inviteeIds.includes(e.memberId));
      if (unknown >= 0) throw new Invalid([{ path: `entries.${unknown}.memberId`, message: 'nicht zu diesem Treffen eingeladen' }]);
      const now = clock();
      if (berlinInstant(before.startsAt) > now) throw new Invalid([{ path: 'entries', message: 'Anwesenheit erst ab Beginn des Treffens' }]);
      const after: Meeting = {
        ...before,
        invitees: before.invitees.map((i) => (byMember.has(i.memberId) ? { ...i, attendance: byMember.get(i.memberId)! } : i)),
        version: input.version + 1,
        updatedAt: now.toISOString(),
      };
      await writeSet(db).replace(meetingItem(after), input.version).audit(actor, 'update', 'meeting', id, ['attendance'], now).commit();
      return after;
    },

    /** Creates the next `count` monthly occurrences: same weekday of the month (e.g. 2nd Wednesday), same time. */
    async series(id: string, input: SeriesInput, actor: Actor): Promise<Meeting[]> {
      const first = await get(id);
      const [y, mo, d] = first.startsAt.slice(0, 10).split('-').map(Number) as [number, number, number];
      const nth = Math.ceil(d / 7);
      const weekday = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA][new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]!;
      const rule = new RRule({
        freq: RRule.MONTHLY,
        dtstart: new Date(Date.UTC(y, mo - 1, d)),
        byweekday: [weekday.nth(nth === 5 ? -1 : nth)],
        count: input.count + 1,
      });
      const days = rule
        .all()
        .slice(1)
        .map((date) => date.toISOString().slice(0, 10));
      const seriesId = first.seriesId ?? first.id;
      const now = clock();
      const length = berlinInstant(first.endsAt).getTime() - berlinInstant(first.startsAt).getTime();
      const created: Meeting[] = days.map((day, i) => {
        const startsAt = `${day}T${first.startsAt.slice(11)}`;
        const end = new Date(berlinInstant(startsAt).getTime() + length);
        return {
          id: ulid(now.getTime() + i),
          kind: first.kind,
          title: first.title,
          startsAt,
          endsAt: `${berlinDate(end)}T${first.endsAt.slice(11)}`,
          ...(first.place ? { place: first.place } : {}),
          ...(first.onlineUrl ? { onlineUrl: first.onlineUrl } : {}),
          agenda: first.agenda,
          inviteeIds: first.inviteeIds,
          invitees: first.invitees.map(({ attendance: _a, ...i }) => i),
          decisions: [],
          sequence: 0,
          seriesId,
          version: 1,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
      });
      const firstInSeries: Meeting = first.seriesId ? first : { ...first, seriesId, version: first.version + 1, updatedAt: now.toISOString() };
      const change = writeSet(db);
      if (!first.seriesId) change.replace(meetingItem(firstInSeries), first.version);
      for (const m of created) {
        change
          .create(meetingItem(m))
          .audit(actor, 'create', 'meeting', m.id, ['series'], now)
          .event({ type: 'meeting.scheduled', at: now, data: { meetingId: m.id, kind: m.kind, startsAt: m.startsAt } });
      }
      await change.commit();
      return created;
    },

    /** Attendance per invited member over the meetings between two dates that have begun (present ÷ recorded). */
    async attendanceRates(from: string, to: string): Promise<AttendanceRate[]> {
      const now = clock();
      const meetings = (await repo.allBetween(from, to)).filter((m) => !m.cancelledAt && berlinInstant(m.startsAt) <= now);
      const rates = new Map<string, AttendanceRate>();
      for (const m of meetings) {
        for (const i of m.invitees) {
          const r = rates.get(i.memberId) ?? { memberId: i.memberId, name: i.name, invited: 0, present: 0, excused: 0, absent: 0, rate: null };
          r.invited += 1;
          if (i.attendance) r[i.attendance] += 1;
          rates.set(i.memberId, r);
        }
      }
      return [...rates.values()]
        .map((r) => ({ ...r, rate: r.present + r.excused + r.absent ? Math.round((r.present / (r.present + r.excused + r.absent)) * 1000) / 1000 : null }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    },

    actions: (q: ActionListQuery) => repo.actions(q),

    async addAction(meetingId: string, input: ActionInput, actor: Actor): Promise<ActionItem> {
      const meeting = await get(meetingId);
      const owner = (await members([input.ownerId])).get(input.ownerId);
      if (!owner) throw new Invalid([{ path: 'ownerId', message: 'unbekannter Netzwerkpartner' }]);
      const now = clock();
      const a: ActionItem = {
        ...input,
        id: ulid(now.getTime()),
        meetingId,
        meetingTitle: meeting.title,
        meetingStartsAt: meeting.startsAt,
        ownerName: owner.name,
        ...(input.status === 'done' ? { doneAt: now.toISOString() } : {}),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await writeSet(db)
        .create(actionItem(a))
        .audit(actor, 'create', 'action', a.id, Object.keys(input).sort(), now)
        .event({ type: 'action.opened', at: now, data: { meetingId, actionId: a.id } })
        .commit();
      return a;
    },

    async updateAction(meetingId: string, actionId: string, input: ActionUpdate, actor: Actor): Promise<ActionItem> {
      const before = await repo.action(meetingId, actionId);
      if (!before) throw new NotFound('Die Aufgabe wurde nicht gefunden.');
      const now = clock();
      const { version, ...fields } = input;
      const owner = fields.ownerId === before.ownerId ? before.ownerName : (await members([fields.ownerId])).get(fields.ownerId)?.name;
      if (!owner) throw new Invalid([{ path: 'ownerId', message: 'unbekannter Netzwerkpartner' }]);
      const after: ActionItem = { ...before, ...fields, ownerName: owner, version: version + 1, updatedAt: now.toISOString() };
      if (!fields.notes) delete after.notes;
      if (fields.status === 'done' && before.status !== 'done') after.doneAt = now.toISOString();
      if (fields.status === 'open') delete after.doneAt;
      const done = fields.status === 'done' && before.status !== 'done';
      const change = writeSet(db).replace(actionItem(after), version).audit(actor, 'update', 'action', actionId, changedFields(before, after), now);
      if (done) change.event({ type: 'action.done', at: now, data: { meetingId, actionId } });
      await change.commit();
      return after;
    },
  };
}
export type MeetingsService = ReturnType<typeof meetingsService>;
