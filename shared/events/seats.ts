// How a registration takes, waits for and gives back a place: the rules of capacity and the waiting list, as write
// sets on the event's counters (guarded by the counts read, so a last place is given once) and the registrations.
import { ulid } from '../ids.ts';
import { Conflict, StaleVersion } from '../errors.ts';
import type { Db } from '../table/port.ts';
import { retryWhileStale, writeSet, type WriteSet } from '../table/write-set.ts';
import { berlinDate, berlinInstant } from '../time.ts';
import { startEventMails } from './jobs.ts';
import { eventRepository } from './repository.ts';
import type { Event, Registration, RegistrationInput } from './schema.ts';

/** Attempts when someone else took a place at the same moment (the counts changed between read and write). */
const ATTEMPTS = 6;

/**
 * The personal fields a cancelled registration no longer keeps: its state, times and the hashes of its links stay
 * (a second click on the link answers "cancelled"), until the event's deletion.
 */
export const PERSONAL_FIELDS = ['name', 'organisation', 'email', 'phone', 'role', 'dietary', 'accessibility'] as const;

/** Why nobody can register any more, or undefined while people can (staff may still add people after the deadline). */
export function closedBecause(e: Event, now: Date, byStaff = false): string | undefined {
  if (e.cancelledAt) return 'Die Veranstaltung wurde abgesagt.';
  if (berlinInstant(e.startsAt) <= now) return 'Die Veranstaltung hat schon begonnen.';
  if (!byStaff && !e.published) return 'Die Anmeldung ist noch nicht geöffnet.';
  if (!byStaff && berlinDate(now) > e.registrationDeadline) return 'Die Anmeldefrist ist abgelaufen.';
  return undefined;
}

/** A registration's own fields as the public page or staff give them, with the consent recorded. */
export type NewRegistration = Omit<RegistrationInput, 'consent' | 'language'> & { consentText: string; addedBy?: string; language: 'de' | 'en' };

export function seatKeeping(db: Db) {
  const repo = eventRepository(db);
  const taken = () =>
    new Conflict('Diese E-Mail-Adresse ist für die Veranstaltung schon angemeldet.', 'already_registered', [
      { path: 'email', message: 'ist schon angemeldet' },
    ]);

  /** The first person waiting moves up into a freed place, in the change that frees it (with their mail). */
  async function moveUpInto(e: Event, change: WriteSet, now: Date, actor: { email: string; id: string }): Promise<SeatDelta> {
    const next = await repo.firstWaiting(e.id);
    if (!next) return { registered: -1 };
    const moved: Registration = { ...next, state: 'registered', movedUpAt: now.toISOString(), updatedAt: now.toISOString(), version: next.version + 1 };
    repo.replaceRegistration(moved, next.version, change);
    startEventMails(db, e, 'moved_up', [moved.id], change, actor, now);
    return { waiting: -1 };
  }

  return {
    /**
     * A new registration: a place while one is free, else the waiting list. One address registers once. Answers the
     * registration and, on the waiting list, its place there.
     */
    register(read: Event, input: NewRegistration, o: { now: Date; notify: boolean; actor: { id: string; email: string }; audit?: (change: WriteSet) => void }) {
      const eventId = read.id;
      return retryWhileStale(async (attempt) => {
        // The caller's read serves the first attempt; a retry reads the counts that beat it.
        const e = attempt === 1 ? read : await repo.get(eventId);
        if (!e) throw new Conflict('Die Veranstaltung gibt es nicht mehr.', 'gone');
        // A free place goes to a newcomer only while nobody waits for it: the waiting list moves up in order.
        const state = e.registered < e.capacity && !e.waiting ? 'registered' : 'waiting';
        const r: Registration = {
          ...input,
          id: ulid(o.now.getTime()),
          eventId,
          state,
          consentAt: o.now.toISOString(),
          version: 1,
          createdAt: o.now.toISOString(),
          updatedAt: o.now.toISOString(),
        };
        const change = writeSet(db);
        repo.createRegistration(r, change);
        repo.claimAddress(r, input.email, change, taken);
        repo.seats(e, state === 'registered' ? { registered: 1 } : { waiting: 1 }, change, () => new StaleVersion());
        if (o.notify) startEventMails(db, e, state === 'registered' ? 'confirmation' : 'waiting', [r.id], change, o.actor, o.now);
        o.audit?.(change);
        await change.commit();
        return { event: e, registration: r, position: state === 'waiting' ? await repo.waitingPosition(eventId, r.id) : undefined };
      }, ATTEMPTS);
    },

    /**
     * Cancels a registration (by the person's link or by staff): its personal fields go at once; a freed place goes
     * to the first person waiting, who is told. A registration cancelled already answers as it is.
     */
    cancel(eventId: string, registrationId: string, o: { now: Date; actor: { id: string; email: string }; audit?: (change: WriteSet) => void }) {
      return retryWhileStale(async () => {
        const [e, r] = await Promise.all([repo.get(eventId), repo.registration(eventId, registrationId)]);
        if (!e || !r) throw new Conflict('Die Anmeldung gibt es nicht mehr.', 'gone');
        if (r.state === 'cancelled') return { event: e, registration: r };
        const change = writeSet(db);
        const gone: Registration = { ...r, state: 'cancelled', cancelledAt: o.now.toISOString(), updatedAt: o.now.toISOString(), version: r.version + 1 };
        for (const f of PERSONAL_FIELDS) delete (gone as Partial<Registration> & Record<string, unknown>)[f];
        repo.replaceRegistration(gone, r.version, change);
        if (r.email) repo.releaseAddress(eventId, r.email, change);
        const delta: SeatDelta =
          r.state === 'waiting' ? { waiting: -1 } : closedBecause(e, o.now, true) ? { registered: -1 } : await moveUpInto(e, change, o.now, o.actor);
        repo.seats(e, { ...delta, ...(r.attended ? { attended: -1 } : {}) }, change, () => new StaleVersion());
        o.audit?.(change);
        await change.commit();
        return { event: e, registration: gone };
      }, ATTEMPTS);
    },

    /**
     * Raises the capacity: as many people as fit move up from the waiting list, each told; lowering it below the
     * registered count is refused by the caller.
     */
    async fillFreedPlaces(e: Event, now: Date, actor: { id: string; email: string }): Promise<number> {
      let moved = 0;
      for (;;) {
        const current = await repo.get(e.id);
        if (!current || current.registered >= current.capacity || !current.waiting || closedBecause(current, now, true)) return moved;
        const next = await repo.firstWaiting(e.id);
        if (!next) return moved;
        const change = writeSet(db);
        repo.replaceRegistration(
          { ...next, state: 'registered', movedUpAt: now.toISOString(), updatedAt: now.toISOString(), version: next.version + 1 },
          next.version,
          change,
        );
        repo.seats(current, { registered: 1, waiting: -1 }, change, () => new StaleVersion());
        startEventMails(db, current, 'moved_up', [next.id], change, actor, now);
        try {
          await change.commit();
          moved += 1;
        } catch (error) {
          if (!(error instanceof StaleVersion)) throw error;
        }
      }
    },

    /** Records who attended (only registered people), and moves the event's attendance count by the difference. */
    async attendance(e: Event, attended: string[], absent: string[], now: Date, audit: (change: WriteSet) => void): Promise<number> {
      const wanted = new Map<string, boolean>([...absent.map((id) => [id, false] as const), ...attended.map((id) => [id, true] as const)]);
      const people = (await repo.allRegistrations(e.id)).filter((r) => wanted.has(r.id));
      const changed = people.filter((r) => r.state === 'registered' && Boolean(r.attended) !== wanted.get(r.id));
      for (let i = 0; i < changed.length || i === 0; i += 90) {
        const chunk = changed.slice(i, i + 90);
        const change = writeSet(db);
        let delta = 0;
        for (const r of chunk) {
          const now_ = wanted.get(r.id)!;
          delta += now_ ? 1 : -1;
          repo.replaceRegistration({ ...r, attended: now_, updatedAt: now.toISOString(), version: r.version + 1 }, r.version, change);
        }
        if (delta) repo.attended(e.id, delta, change);
        if (i === 0) audit(change);
        if (change.size) await change.commit();
      }
      return changed.length;
    },
  };
}

type SeatDelta = { registered?: number; waiting?: number };
