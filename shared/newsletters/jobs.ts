// A newsletter's mails as background work (`newsletter-mails`): an issue to its audience (one item per address, the
// key names list, record and address hash, never the address), the test mail to the coordinator who asked for it, and
// the confirmation mail of a public sign-up (a new link whose hash is kept before the mail goes out).
import type { MailTransport } from '../email/message.ts';
import { Permanent, type JobKindHandler } from '../jobs/engine.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job } from '../jobs/schema.ts';
import type { Db } from '../table/port.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import type { Clock } from '../time.ts';
import type { Actor } from '../audit/entry.ts';
import { audienceOf, recipientKey } from './audience.ts';
import { confirmationMail, issueMail, testMail } from './mail.ts';
import { newsletterRepository } from './repository.ts';
import { Audience, type Issue } from './schema.ts';
import { confirmTokenOf, hashSecret, KEPT_LINKS, newSecret } from './token.ts';
import { unsubscribeLink } from './unsubscribe.ts';

export type NewsletterMailSetup = { transport: MailTransport; siteUrl: string; unsubscribeMailbox: string; secret: string };

type Mode = 'issue' | 'test' | 'confirm';
/** The jobs of sign-ups are listed under this subject (a subscriber's id would name a person in the jobs list). */
export const SIGNUPS = 'anmeldungen';
const PUBLIC_PAGE: Actor = { id: 'public', email: 'Newsletter-Seite', roles: [] };

export const recipientLabel = (hash: string) => `Empfänger …${hash.slice(-6)}`;

export function startIssueMails(db: Db, i: Issue, audience: Audience, change: WriteSet, actor: Actor, now: Date): Job {
  const job = newJob({
    kind: 'newsletter-mails',
    subject: { type: 'newsletter', id: i.id },
    title: `Newsletter „${i.title}“`,
    params: { mode: 'issue', audience: JSON.stringify(audience) },
    actor,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

export function startTestMail(db: Db, i: Issue, change: WriteSet, actor: Actor, now: Date): Job {
  const job = newJob({
    kind: 'newsletter-mails',
    subject: { type: 'newsletter', id: i.id },
    title: `Testversand „${i.title}“`,
    params: { mode: 'test' },
    actor,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

export function startConfirmation(db: Db, subscriberId: string, change: WriteSet, now: Date): Job {
  const job = newJob({
    kind: 'newsletter-mails',
    subject: { type: 'newsletter', id: SIGNUPS },
    title: 'Bestätigung einer Newsletter-Anmeldung',
    params: { mode: 'confirm', subscriberId },
    actor: PUBLIC_PAGE,
    now,
  });
  jobRepository(db).start(job, change);
  return job;
}

export function newsletterJobKinds(db: Db, setup: () => NewsletterMailSetup, clock: Clock): Record<'newsletter-mails', JobKindHandler> {
  const repo = newsletterRepository(db);
  const jobs = jobRepository(db);
  const audience = audienceOf(db);
  const modeOf = (job: Job) => job.params.mode as Mode;

  async function issueOf(job: Job): Promise<Issue> {
    const i = await repo.get(job.subject.id);
    if (!i) throw new Permanent('Die Ausgabe gibt es nicht mehr.');
    return i;
  }

  return {
    'newsletter-mails': {
      async items(job) {
        const mode = modeOf(job);
        if (mode === 'test') return [{ key: 'test', label: 'Testversand an die eigene Adresse' }];
        if (mode === 'confirm') return [{ key: String(job.params.subscriberId), label: 'Bestätigungslink' }];
        const { recipients } = await audience.resolve(Audience.parse(JSON.parse(String(job.params.audience))));
        return recipients.map((r) => ({ key: recipientKey(r), label: recipientLabel(r.hash) }));
      },

      async perform(job, item) {
        const mode = modeOf(job);
        const s = setup();
        if (await jobs.wasSent(item)) return 'done';
        if (mode === 'test') {
          await s.transport.send(testMail(await issueOf(job), s, job.createdBy, clock()));
        } else if (mode === 'confirm') {
          const sub = await repo.subscriber(item.key);
          if (!sub || sub.state !== 'pending') return 'skipped';
          const secret = newSecret();
          const kept = { ...sub, confirmHashes: [...(sub.confirmHashes ?? []), hashSecret(secret)].slice(-KEPT_LINKS), version: sub.version + 1 };
          await repo.replaceSubscriber(kept, sub.version, writeSet(db)).commit();
          const url = `${s.siteUrl.replace(/\/$/, '')}/newsletter/#bestaetigen=${confirmTokenOf(sub.id, secret)}`;
          await s.transport.send(confirmationMail(sub.email, sub.language, url, sub.consentText));
        } else {
          const r = await audience.recipient(item.key);
          if (!r) return 'skipped';
          const ref = r.list === 'subscribers' ? r.recordId : r.hash;
          const mailto = `mailto:${s.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe newsletter ${r.list} ${ref}`)}`;
          await s.transport.send(issueMail(await issueOf(job), s, r.email, { list: r.list, unsubscribeUrl: unsubscribeLink(s, r.list, ref), mailto }));
        }
        await jobs.markSent(item, clock());
        return 'done';
      },
    },
  };
}
