// Events with registration: staff plan an event, open its public page, see and keep the registrations and the
// waiting list, record attendance and call the event off; anyone registers on the public page and cancels through
// the link in their mail; the registrations of public events are deleted a set time after the event.
import { randomBytes } from 'node:crypto';
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import type { Page } from '../schema-kit.ts';
import { settingsService } from '../settings/domain.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { addMonthsToDate, berlinDate, berlinInstant, systemClock, type Clock } from '../time.ts';
import { startEventMails } from './jobs.ts';
import { eventRepository, registrationView } from './repository.ts';
import { closedBecause, seatKeeping } from './seats.ts';
import { parseCancelToken, secretMatches } from './token.ts';
import type {
  Event,
  EventInput,
  EventListQuery,
  EventUpdate,
  PublicEvent,
  Registration,
  RegistrationInput,
  RegistrationListQuery,
  RegistrationResult,
  StaffRegistrationInput,
} from './schema.ts';

/** The text recorded as consent when staff add a person (by phone, at the door). */
export const STAFF_CONSENT = 'Vom Projektteam aufgenommen: Die Person hat der Verarbeitung ihrer Angaben für diese Veranstaltung zugestimmt.';

const notFound = () => new NotFound('Die Veranstaltung wurde nicht gefunden.');
/** Who starts the mails of a registration on the public page (the jobs list shows it as their starter). */
const PUBLIC_PAGE = { id: 'public', email: 'Anmeldeseite' };

/** The same answer for an unknown, hidden or partners-only event without its key: nothing to learn from it. */
const noPublicEvent = () => new NotFound('Diese Veranstaltung gibt es nicht oder sie ist nicht öffentlich.');
const badLink = () => new NotFound('Der Abmeldelink ist ungültig oder abgelaufen.');

export function eventsService(db: Db, clock: Clock = systemClock) {
  const repo = eventRepository(db);
  const seats = seatKeeping(db);

  async function event(id: string): Promise<Event> {
    const e = await repo.get(id);
    if (!e) throw notFound();
    return e;
  }

  function assertCapacityHolds(e: Event, capacity: number) {
    if (capacity < e.registered)
      throw new Invalid([{ path: 'capacity', message: `${e.registered} Personen sind schon angemeldet; erst Anmeldungen stornieren, dann verkleinern` }]);
  }

  /** The public view of an event: how many places are left and whether one can register now. */
  function publicView(e: Event, now: Date): PublicEvent {
    const closed = closedBecause(e, now);
    const { id, kind, title, description, startsAt, endsAt, place, onlineUrl, registrationDeadline, fields, consentText } = e;
    return {
      id,
      kind,
      title,
      startsAt,
      endsAt,
      registrationDeadline,
      fields,
      consentText,
      ...(description ? { description } : {}),
      ...(place ? { place } : {}),
      ...(onlineUrl ? { onlineUrl } : {}),
      placesLeft: e.waiting ? 0 : Math.max(0, e.capacity - e.registered),
      status: closed ? 'closed' : e.registered < e.capacity && !e.waiting ? 'open' : 'waiting_list',
    };
  }

  /** A published event the page may show: public, or partners-only with its key. */
  async function visible(id: string, key: string | undefined): Promise<Event> {
    const e = await repo.get(id);
    if (!e || !e.published) throw noPublicEvent();
    if (e.audience === 'partners' && (!key || key !== e.partnerKey)) throw noPublicEvent();
    return e;
  }

  return {
    get: event,

    list: (q: EventListQuery): Promise<Page<Event>> => repo.list(q.when, berlinDate(clock()), q.cursor, q.limit),

    async create(input: EventInput, actor: Actor): Promise<Event> {
      const now = clock();
      const e: Event = {
        ...input,
        id: ulid(now.getTime()),
        version: 1,
        registered: 0,
        waiting: 0,
        attended: 0,
        ...(input.audience === 'partners' ? { partnerKey: randomBytes(18).toString('base64url') } : {}),
        createdBy: actor.email || actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo.create(e, writeSet(db)).audit(actor, 'create', 'event', e.id, Object.keys(input), now).commit();
      return e;
    },

    async update(id: string, input: EventUpdate, actor: Actor): Promise<Event> {
      const before = await event(id);
      if (before.cancelledAt) throw new Conflict('Eine abgesagte Veranstaltung wird nicht mehr geändert.', 'cancelled');
      assertCapacityHolds(before, input.capacity);
      const now = clock();
      const { version, ...fields } = input;
      const after: Event = {
        ...before,
        ...fields,
        ...(fields.audience === 'partners' && !before.partnerKey ? { partnerKey: randomBytes(18).toString('base64url') } : {}),
        version: version + 1,
        updatedAt: now.toISOString(),
      };
      await repo.replace(after, version, writeSet(db)).audit(actor, 'update', 'event', id, changedFields(before, after), now).commit();
      // A larger room: people on the waiting list move up, each told.
      if (after.capacity > before.capacity) await seats.fillFreedPlaces(after, now, actor);
      return event(id);
    },

    /** Calls the event off: nobody can register any more, and everyone registered or waiting is told. */
    async cancelEvent(id: string, version: number, actor: Actor): Promise<Event> {
      const e = await event(id);
      if (e.cancelledAt) return e;
      if (berlinInstant(e.endsAt) <= clock()) throw new Conflict('Die Veranstaltung ist schon vorbei.', 'over');
      const now = clock();
      const after: Event = { ...e, cancelledAt: now.toISOString(), version: version + 1, updatedAt: now.toISOString() };
      const change = repo.replace(after, version, writeSet(db)).audit(actor, 'update', 'event', id, ['cancelledAt'], now);
      if (e.registered + e.waiting) startEventMails(db, e, 'event_cancelled', [], change, actor, now);
      await change.commit();
      return after;
    },

    async registrations(id: string, q: RegistrationListQuery, actor: Actor): Promise<Page<Registration>> {
      await event(id);
      const page = await repo.registrations(id, q.state, q.cursor, q.limit);
      // Who saw whom: the read is audited like any read of personal data.
      await writeSet(db).audit(actor, 'read', 'event', id, ['registrations'], clock()).commit();
      return page;
    },

    /** Staff add a person (after the deadline too); with `notify` the person gets the confirmation and the cancel link. */
    async addRegistration(id: string, input: StaffRegistrationInput, actor: Actor): Promise<RegistrationResult> {
      const e = await event(id);
      const now = clock();
      const closed = closedBecause(e, now, true);
      if (closed) throw new Conflict(closed, 'closed');
      const { notify, ...fields } = input;
      const { registration, position } = await seats.register(
        e,
        { ...fields, consentText: STAFF_CONSENT, addedBy: actor.email || actor.id, language: 'de' },
        { now, notify, actor, audit: (change) => change.audit(actor, 'create', 'event', id, ['registrations'], now) },
      );
      return { state: registration.state, eventTitle: e.title, ...(position ? { position } : {}) };
    },

    /** Staff cancel a registration (the person called): the first person waiting moves up. */
    async cancelRegistration(id: string, registrationId: string, actor: Actor): Promise<Registration> {
      const now = clock();
      const { registration } = await seats.cancel(id, registrationId, {
        now,
        actor,
        audit: (change) => change.audit(actor, 'update', 'event', id, ['registrations'], now),
      });
      return registrationView(registration);
    },

    /** Records attendance from the event's start day on. Answers the event with its new count. */
    async recordAttendance(id: string, attended: string[], absent: string[], actor: Actor): Promise<Event> {
      const e = await event(id);
      const now = clock();
      if (berlinDate(now) < e.startsAt.slice(0, 10)) throw new Conflict('Die Anwesenheit wird ab dem Tag der Veranstaltung erfasst.', 'not_yet');
      if (e.purgedAt) throw new Conflict('Die Anmeldungen dieser Veranstaltung sind schon gelöscht; es bleiben nur die Zahlen.', 'purged');
      await seats.attendance(e, attended, absent, now, (change) => change.audit(actor, 'update', 'event', id, ['attendance'], now));
      return event(id);
    },

    // ── The public page ──────────────────────────────────────────
    async publicList(cursor: string | undefined, limit: number): Promise<Page<PublicEvent>> {
      const now = clock();
      const page = await repo.publicUpcoming(berlinDate(now), cursor, limit);
      return { items: page.items.map((e) => publicView(e, now)), nextCursor: page.nextCursor };
    },

    async publicEvent(id: string, key: string | undefined): Promise<PublicEvent> {
      return publicView(await visible(id, key), clock());
    },

    async register(id: string, key: string | undefined, input: RegistrationInput): Promise<RegistrationResult> {
      const e = await visible(id, key);
      const now = clock();
      const closed = closedBecause(e, now);
      if (closed) throw new Conflict(closed, 'closed');
      const unasked = (['phone', 'role', 'dietary', 'accessibility'] as const).filter((f) => input[f] !== undefined && !e.fields.includes(f));
      if (unasked.length) throw new Invalid(unasked.map((f) => ({ path: f, message: 'fragt diese Veranstaltung nicht ab' })));
      const { consent: _c, ...fields } = input;
      const { registration, position } = await seats.register(e, { ...fields, consentText: e.consentText }, { now, notify: true, actor: PUBLIC_PAGE });
      return { state: registration.state, eventTitle: e.title, ...(position ? { position } : {}) };
    },

    /** What the cancel link stands for (the page shows it before the person confirms). */
    async lookup(token: string): Promise<RegistrationResult & { startsAt: string }> {
      const { e, r } = await this.byToken(token);
      const position = r.state === 'waiting' ? await repo.waitingPosition(e.id, r.id) : undefined;
      return { state: r.state, eventTitle: e.title, startsAt: e.startsAt, ...(position ? { position } : {}) };
    },

    async cancelByLink(token: string): Promise<RegistrationResult> {
      const { e, r } = await this.byToken(token);
      if (r.state === 'cancelled') return { state: 'cancelled', eventTitle: e.title };
      if (berlinInstant(e.startsAt) <= clock())
        throw new Conflict('Die Veranstaltung hat schon begonnen; bitte melden Sie sich beim Projektteam ab.', 'started');
      await seats.cancel(e.id, r.id, { now: clock(), actor: PUBLIC_PAGE });
      return { state: 'cancelled', eventTitle: e.title };
    },

    async byToken(token: string) {
      const parsed = parseCancelToken(token);
      if (!parsed) throw badLink();
      const [e, r] = await Promise.all([repo.get(parsed.eventId), repo.registration(parsed.eventId, parsed.registrationId)]);
      if (!e || !r || !secretMatches(parsed.secret, r.cancelHashes ?? [])) throw badLink();
      return { e, r };
    },

    /**
     * The retention job: registrations of public events whose end lies more than the set months back are deleted,
     * a page at a time, then the event is marked (a crash half-way is finished by the next run). Answers how many
     * events were cleared.
     */
    async purgeEnded(): Promise<number> {
      const now = clock();
      const months = (await settingsService(db).get()).eventRetentionMonths;
      const lastDay = addMonthsToDate(berlinDate(now), -months);
      let cleared = 0;
      for (const e of await repo.endedBy(lastDay, 25)) {
        while (await repo.removePeople(e.id, 90)) {
          // a page at a time, until nothing of the event's people is left
        }
        await repo.markPurged(e, now, writeSet(db)).commit();
        cleared += 1;
      }
      return cleared;
    },
  };
}
export type EventsService = ReturnType<typeof eventsService>;

/** The documents of an event's day, each read of the names audited. */
export function eventDocuments(db: Db, clock: Clock = systemClock) {
  const repo = eventRepository(db);
  const audited = async <T>(id: string, actor: Actor, what: string, make: () => Promise<T>): Promise<T> => {
    const made = await make();
    await writeSet(db).audit(actor, 'read', 'event', id, [what], clock()).commit();
    return made;
  };
  return {
    attendanceList: (id: string, actor: Actor) =>
      audited(id, actor, 'attendance-list', async () => (await import('./documents.ts')).attendanceListPdf(repo, id)),
    certificates: (id: string, actor: Actor) => audited(id, actor, 'certificates', async () => (await import('./documents.ts')).certificatesPdf(repo, id)),
  };
}
