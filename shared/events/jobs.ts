// An event's e-mails as background work: the confirmation (or the place on the waiting list), the mail of a person who
// moved up, and the cancellation of the whole event, one job item per registration. The confirmation and the move-up
// mail carry a new personal cancel link, whose hash is kept on the registration before the mail goes out.
import type { MailTransport } from '../email/message.ts';
import type { JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job } from '../jobs/schema.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import { berlinInstant, type Clock } from '../time.ts';
import { eventMail, type EventMailKind } from './mail.ts';
import { eventRepository } from './repository.ts';
import type { Event } from './schema.ts';
import type { StoredRegistration as Registration } from './repository.ts';
import { cancelTokenOf, hashSecret, KEPT_LINKS, newSecret } from './token.ts';

export type EventMailSetup = { transport: MailTransport; siteUrl: string; organizer: { name: string; email: string } };

const TITLE: Record<EventMailKind, string> = {
  confirmation: 'Anmeldebestätigung',
  waiting: 'Platz auf der Warteliste',
  moved_up: 'Nachgerückt',
  event_cancelled: 'Absage',
};

/** A job item names the registration by the end of its id, never the person (items outlive the registrations). */
export const registrationLabel = (id: string) => `Anmeldung …${id.slice(-6)}`;

/**
 * Starts the mails of `kind` to the given registrations (or, for the event's cancellation, to everyone registered or
 * waiting when the job runs), in the change that makes them due.
 */
export function startEventMails(
  db: Db,
  e: Pick<Event, 'id' | 'title'>,
  kind: EventMailKind,
  registrationIds: string[],
  change: WriteSet,
  actor: { id: string; email: string },
  now: Date,
): Job {
  const job = newJob({
    kind: 'event-mails',
    subject: { type: 'event', id: e.id },
    title: `${TITLE[kind]}: „${e.title}“`,
    params: { mail: kind, registrationIds },
    actor: { ...actor, roles: [] },
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

export function eventJobKinds(db: Db, mail: EventMailSetup, clock: Clock): Record<'event-mails', JobKindHandler> {
  const repo = eventRepository(db);
  const jobs = jobRepository(db);
  const kindOf = (job: Job) => job.params.mail as EventMailKind;

  /** Whether the registration still wants this mail when the item runs. */
  function wanted(kind: EventMailKind, r: Registration | undefined, e: Event | undefined): r is Registration & { name: string; email: string } {
    if (!r || !e || r.state === 'cancelled' || !r.email || !r.name) return false;
    if (kind === 'event_cancelled') return true;
    // A confirmation that arrives after the event (or after it was called off) tells nobody anything.
    if (e.cancelledAt || berlinInstant(e.endsAt) <= clock()) return false;
    return kind === 'waiting' ? r.state === 'waiting' : r.state === 'registered';
  }

  /** A new cancel link for the mail; its hash is stored first, so the link works as soon as the mail arrives. */
  async function newLink(r: Registration): Promise<string> {
    const secret = newSecret();
    const hashes = [...(r.cancelHashes ?? []), hashSecret(secret)].slice(-KEPT_LINKS);
    await repo.keepLinks(r, hashes, writeSet(db)).commit();
    return `${mail.siteUrl}/veranstaltungen/#abmelden=${cancelTokenOf(r.eventId, r.id, secret)}`;
  }

  return {
    'event-mails': {
      async items(job) {
        if (kindOf(job) !== 'event_cancelled') {
          const ids = Array.isArray(job.params.registrationIds) ? job.params.registrationIds : [];
          return ids.map((id) => ({ key: id, label: registrationLabel(id) }));
        }
        const people = await repo.allRegistrations(job.subject.id);
        return people.filter((r) => r.state !== 'cancelled').map((r) => ({ key: r.id, label: registrationLabel(r.id) }));
      },

      async perform(job, item) {
        const kind = kindOf(job);
        const [e, r] = await Promise.all([repo.get(job.subject.id), repo.registration(job.subject.id, item.key)]);
        if (!wanted(kind, r, e) || !e) return 'skipped';
        if (await jobs.wasSent(item)) return 'done';
        const position = kind === 'waiting' ? await repo.waitingPosition(e.id, r.id) : undefined;
        const cancelUrl = kind === 'event_cancelled' ? undefined : await newLink(r);
        await mail.transport.send(eventMail(e, r, kind, { cancelUrl, position, organizer: mail.organizer, stamp: clock() }));
        await jobs.markSent(item, clock());
        return 'done';
      },
    },
  };
}
