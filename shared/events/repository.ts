// Events and their registrations on the table (docs/data-model.md, T1–T6): the event item carries the counters,
// registrations live in its partition, the waiting list is a sparse index in arrival order.
import { createHash } from 'node:crypto';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { between, patterns } from '../table/patterns.ts';
import { guards } from '../table/port.ts';
import { writeSet, type Failure, type WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Event, Registration, RegistrationState } from './schema.ts';

export const events = entity<Event>({
  name: 'event',
  key: (e) => patterns.event.key(e.id),
  slots: (e) => [
    patterns.eventsByStart.slot(`${e.startsAt}#${e.id}`),
    e.audience === 'public' && e.published && !e.cancelledAt && patterns.publicEvents.slot(`${e.startsAt}#${e.id}`),
    e.audience === 'public' && !e.purgedAt && patterns.eventPurges.slot(`${e.endsAt.slice(0, 10)}#${e.id}`),
  ],
});

const registrationKey = (r: Pick<Registration, 'eventId' | 'id'>) => ({
  pk: patterns.registrationsOfEvent.partitionOf(r.eventId),
  sk: `${patterns.registrationsOfEvent.sortPrefix}${r.id}`,
});

/** A registration as stored: with the hashes of its valid cancel links, which the API never shows. */
export type StoredRegistration = Registration & { cancelHashes?: string[] };

/** The registration as staff and the API see it. */
export const registrationView = ({ cancelHashes: _h, ...r }: StoredRegistration): Registration => r;

export const registrations = entity<StoredRegistration>({
  name: 'registration',
  key: registrationKey,
  slots: (r) => [r.state === 'waiting' && patterns.waitingListOf.slot(r.id, r.eventId)],
});

/** The hash that makes one address register once per event (lower case, trimmed); the address itself is not a key. */
const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

/** The counters of an event a registration change moves. */
export type SeatChange = { registered?: number; waiting?: number; attended?: number };

export function eventRepository(db: Db) {
  return {
    async get(id: string): Promise<Event | undefined> {
      const item = await getItem(db, patterns.event.key(id), true);
      return item ? stripKeys<Event>(item) : undefined;
    },

    async list(when: 'upcoming' | 'past', today: string, cursor: string | undefined, limit: number): Promise<Page<Event>> {
      const page =
        when === 'upcoming'
          ? await queryPage(db, between(patterns.eventsByStart.of(), today, '9999'), { cursor, limit })
          : await queryPage(db, between(patterns.eventsByStart.of(), '0000', today), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Event>(i)), nextCursor: page.nextCursor };
    },

    /** Published public events from today on (the public list). */
    async publicUpcoming(today: string, cursor: string | undefined, limit: number): Promise<Page<Event>> {
      const page = await queryPage(db, between(patterns.publicEvents.of(), today, '9999'), { cursor, limit });
      return { items: page.items.map((i) => stripKeys<Event>(i)), nextCursor: page.nextCursor };
    },

    /** Public events that ended on or before `lastDay` and still hold registrations. */
    async endedBy(lastDay: string, limit: number): Promise<Event[]> {
      const page = await queryPage(db, between(patterns.eventPurges.of(), '0000', `${lastDay}#~`), { limit });
      return page.items.map((i) => stripKeys<Event>(i));
    },

    create: (e: Event, change: WriteSet) => change.create(events.item(e)),

    /**
     * The event's own fields as of `version`; the counters are left as they are (a registration may have moved
     * them since the event was read).
     */
    replace(e: Event, version: number, change: WriteSet): WriteSet {
      const { registered: _r, waiting: _w, attended: _a, ...fields } = events.item(e);
      return change.update(patterns.event.key(e.id), { set: fields, guard: guards.version(version) });
    },

    /**
     * Moves the event's counters, guarded by the counts that were read: when someone registered meanwhile, the
     * change fails and the caller reads again (so a last place is given once).
     */
    seats(e: Pick<Event, 'id' | 'registered' | 'waiting'>, delta: SeatChange, change: WriteSet, onFail: Failure): WriteSet {
      const add = Object.fromEntries(Object.entries(delta).filter(([, n]) => n));
      return change.update(patterns.event.key(e.id), { add, guard: guards.equals({ registered: e.registered, waiting: e.waiting }) }, onFail);
    },

    /** Adds to the attendance counter (attendance does not change seats). */
    attended: (eventId: string, delta: number, change: WriteSet) =>
      change.update(patterns.event.key(eventId), { add: { attended: delta }, guard: guards.exists }),

    async registration(eventId: string, id: string): Promise<StoredRegistration | undefined> {
      const item = await getItem(db, registrationKey({ eventId, id }), true);
      return item ? stripKeys<StoredRegistration>(item) : undefined;
    },

    async registrations(eventId: string, state: RegistrationState | undefined, cursor: string | undefined, limit: number): Promise<Page<Registration>> {
      const page = await queryPage(db, patterns.registrationsOfEvent.of(eventId), { cursor, limit, ...(state ? { filter: { state } } : {}) });
      return { items: page.items.map((i) => registrationView(stripKeys<StoredRegistration>(i))), nextCursor: page.nextCursor };
    },

    /** Every registration of the event (the attendance list, certificates, deletion): bounded by the capacity and the waiting list. */
    async allRegistrations(eventId: string): Promise<StoredRegistration[]> {
      return (await queryAll(db, patterns.registrationsOfEvent.of(eventId))).map((i) => stripKeys<StoredRegistration>(i));
    },

    /** The first person on the waiting list, if any. */
    async firstWaiting(eventId: string): Promise<StoredRegistration | undefined> {
      const page = await queryPage(db, patterns.waitingListOf.of(eventId), { limit: 1 });
      // The index holds the whole item; read it again consistently, since the guard checks its version.
      return page.items[0] ? this.registration(eventId, String(page.items[0].id)) : undefined;
    },

    /** The person's place on the waiting list (1 = next to move up). */
    async waitingPosition(eventId: string, registrationId: string): Promise<number> {
      const ahead = await queryAll(db, between(patterns.waitingListOf.of(eventId), '0', registrationId));
      return ahead.length;
    },

    createRegistration: (r: StoredRegistration, change: WriteSet) => change.create(registrations.item(r)),
    replaceRegistration: (r: StoredRegistration, version: number, change: WriteSet) => change.replace(registrations.item(r), version),

    /** Takes the address for the registration: a second registration with it fails with `onTaken`. */
    claimAddress: (r: Pick<Registration, 'eventId' | 'id'>, email: string, change: WriteSet, onTaken: Failure) =>
      change.create({ ...patterns.registrationEmail.key(r.eventId, addressHash(email)), registrationId: r.id }, onTaken),

    /** Frees the address (a cancelled registration): it may register again. */
    releaseAddress: (eventId: string, email: string, change: WriteSet) => change.remove(patterns.registrationEmail.key(eventId, addressHash(email))),

    /** Keeps the hashes of the registration's valid cancel links (while it is in the state it was read in). */
    keepLinks: (r: StoredRegistration, hashes: string[], change: WriteSet) =>
      change.update(registrationKey(r), { set: { cancelHashes: hashes }, guard: guards.equals({ state: r.state }) }),

    /** Deletes a page of what is held about the event's people (registrations, address hashes); answers how many. */
    async removePeople(eventId: string, limit: number): Promise<number> {
      const page = await queryPage(db, patterns.eventPartition.of(eventId), { limit: limit + 1 });
      const people = page.items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })).filter((k) => k.sk !== patterns.event.key(eventId).sk);
      const change = writeSet(db);
      for (const key of people.slice(0, limit)) change.remove(key);
      if (change.size) await change.commit();
      return change.size;
    },

    /** Marks the event's registrations deleted: it leaves the retention job's list (the counts stay). */
    markPurged: (e: Event, now: Date, change: WriteSet) =>
      change.update(patterns.event.key(e.id), { set: { purgedAt: now.toISOString() }, remove: patterns.eventPurges.slotAttributes, guard: guards.exists }),
  };
}
export type EventRepository = ReturnType<typeof eventRepository>;
