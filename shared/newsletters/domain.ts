// Newsletters: coordinators write an issue (sections with a picture and links to events and offers), look at it as
// the e-mail, send a test to themselves and send it once to the chosen lists as a job; anyone subscribes on the public
// page with double opt-in and reads past issues in the archive; unconfirmed sign-ups are deleted after 7 days.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import type { Job } from '../jobs/schema.ts';
import type { Page } from '../schema-kit.ts';
import type { Db } from '../table/port.ts';
import { retryWhileStale, writeSet } from '../table/write-set.ts';
import { systemClock, type Clock } from '../time.ts';
import { audienceOf } from './audience.ts';
import { startConfirmation, startIssueMails, startTestMail } from './jobs.ts';
import { issueHtml, issueSubject, issueText, issueView, type SiteLinks } from './mail.ts';
import { newsletterRepository, type StoredSubscriber } from './repository.ts';
import {
  PENDING_DAYS,
  PICTURE_MAX_BYTES,
  PICTURE_TYPES,
  SUBSCRIBE_CONSENT,
  type Audience,
  type AudienceCount,
  type Issue,
  type IssueInput,
  type IssueListQuery,
  type IssueUpdate,
  type PictureType,
  type PictureUpload,
  type Preview,
  type PublicIssue,
  type SendInput,
  type SubscribeInput,
  type Subscriber,
} from './schema.ts';
import { parseConfirmToken, secretMatches } from './token.ts';

/** Where the pictures of issues are kept: an S3 bucket behind the site's /medien/ in AWS, a folder locally. */
export type MediaStore = {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
};

export const PICTURES_PER_ISSUE = 20;

const notFound = () => new NotFound('Die Newsletter-Ausgabe wurde nicht gefunden.');
const badConfirmLink = () => new NotFound('Der Bestätigungslink ist ungültig oder abgelaufen. Bitte melden Sie sich noch einmal an.');

/** Whether the bytes are a picture of the named type (the first bytes of JPEG, PNG and WebP files). */
function looksLike(bytes: Uint8Array, type: PictureType): boolean {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (type === 'image/jpeg') return starts([0xff, 0xd8, 0xff]);
  if (type === 'image/png') return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8);
}

export function newslettersService(db: Db, site: SiteLinks & { media?: MediaStore }, clock: Clock = systemClock) {
  const repo = newsletterRepository(db);
  const audience = audienceOf(db);

  async function issue(id: string): Promise<Issue> {
    const i = await repo.get(id);
    if (!i) throw notFound();
    return i;
  }

  function assertDraft(i: Issue) {
    if (i.state !== 'draft') throw new Conflict('Diese Ausgabe ist schon versandt und wird nicht mehr geändert.', 'sent');
  }

  /** Each section's picture must be one uploaded for this issue. */
  function checkPictures(i: Pick<Issue, 'pictures'>, input: IssueInput) {
    const problems = input.sections.flatMap((s, n) =>
      s.picture && !i.pictures.includes(s.picture.key) ? [{ path: `sections.${n}.picture.key`, message: 'kein Bild dieser Ausgabe' }] : [],
    );
    if (problems.length) throw new Invalid(problems);
  }

  return {
    get: issue,

    list: (q: IssueListQuery): Promise<Page<Issue>> => repo.list(q.state ?? 'draft', q.cursor, q.limit),

    async create(input: IssueInput, actor: Actor): Promise<Issue> {
      checkPictures({ pictures: [] }, input);
      const now = clock();
      const i: Issue = {
        ...input,
        id: ulid(now.getTime()),
        version: 1,
        state: 'draft',
        pictures: [],
        createdBy: actor.email || actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo.create(i, writeSet(db)).audit(actor, 'create', 'newsletter', i.id, Object.keys(input), now).commit();
      return i;
    },

    async update(id: string, input: IssueUpdate, actor: Actor): Promise<Issue> {
      const before = await issue(id);
      assertDraft(before);
      const { version, ...fields } = input;
      checkPictures(before, fields);
      const now = clock();
      const after: Issue = { ...before, ...fields, version: version + 1, updatedAt: now.toISOString() };
      await repo.replace(after, version, writeSet(db)).audit(actor, 'update', 'newsletter', id, changedFields(before, after), now).commit();
      return after;
    },

    /** Deletes a draft with its pictures (a sent issue stays: it is in the archive and was mailed). */
    async remove(id: string, actor: Actor): Promise<void> {
      const i = await issue(id);
      assertDraft(i);
      await repo.remove(i, writeSet(db)).audit(actor, 'delete', 'newsletter', id, ['issue'], clock()).commit();
      if (site.media) for (const key of i.pictures) await site.media.remove(key);
    },

    async uploadPicture(id: string, upload: PictureUpload, actor: Actor): Promise<{ key: string; url: string }> {
      const first = await issue(id);
      assertDraft(first);
      if (!site.media) throw new Error('no media store is configured');
      const bytes = new Uint8Array(Buffer.from(upload.data, 'base64'));
      if (bytes.length > PICTURE_MAX_BYTES) throw new Invalid([{ path: 'data', message: `höchstens ${PICTURE_MAX_BYTES / 1_000_000} MB` }]);
      if (!looksLike(bytes, upload.contentType)) throw new Invalid([{ path: 'data', message: `ist kein Bild vom Typ ${upload.contentType}` }]);
      if (first.pictures.length >= PICTURES_PER_ISSUE) throw new Invalid([{ path: 'data', message: `höchstens ${PICTURES_PER_ISSUE} Bilder je Ausgabe` }]);
      const key = `newsletter/${first.id}/${ulid(clock().getTime())}.${PICTURE_TYPES[upload.contentType]}`;
      await site.media.put(key, bytes, upload.contentType);
      // The picture joins the issue's list once it is stored (a file whose write to the list failed is never shown).
      await retryWhileStale(async (attempt) => {
        const i = attempt === 1 ? first : await issue(id);
        assertDraft(i);
        const now = clock();
        await repo.addPicture(i, key, now, writeSet(db)).audit(actor, 'update', 'newsletter', id, ['pictures'], now).commit();
      });
      return { key, url: `${site.siteUrl.replace(/\/$/, '')}/medien/${key}` };
    },

    /** The issue as the e-mail shows it (HTML and the plain-text part), with the footer of the network's list. */
    async preview(id: string): Promise<Preview> {
      const i = await issue(id);
      const v = issueView(i, site, i.sentAt ?? clock().toISOString());
      const footer = { list: 'network' as const, unsubscribeUrl: `${site.siteUrl.replace(/\/$/, '')}/newsletter/`, mailto: '' };
      return { subject: issueSubject(i), html: issueHtml(v, footer), text: issueText(v, footer) };
    },

    /** Sends the issue to the signed-in coordinator only (a job with one item). */
    async testMail(id: string, actor: Actor): Promise<Job> {
      const i = await issue(id);
      if (!actor.email) throw new Invalid([{ path: 'email', message: 'Ihr Konto hat keine E-Mail-Adresse' }]);
      const now = clock();
      const change = writeSet(db).audit(actor, 'update', 'newsletter', id, ['testMail'], now);
      const job = startTestMail(db, i, change, actor, now);
      await change.commit();
      return job;
    },

    audienceCount: (a: Audience): Promise<AudienceCount> => audience.count(a),

    /** Sends the draft once to the audience: the issue is marked sent and its job written in one transaction. */
    async send(id: string, input: SendInput, actor: Actor): Promise<Issue> {
      const before = await issue(id);
      assertDraft(before);
      const count = await audience.count(input.audience);
      if (!count.recipients) throw new Invalid([{ path: 'audience', message: 'die gewählten Listen haben keine Empfänger' }]);
      const now = clock();
      const change = writeSet(db);
      const job = startIssueMails(db, before, input.audience, change, actor, now);
      const after: Issue = {
        ...before,
        state: 'sent',
        audience: input.audience,
        recipients: count.recipients,
        sentAt: now.toISOString(),
        sentBy: actor.email || actor.id,
        jobId: job.id,
        version: input.version + 1,
        updatedAt: now.toISOString(),
      };
      await repo.replace(after, input.version, change).audit(actor, 'update', 'newsletter', id, ['state', 'audience', 'sentAt'], now).commit();
      return after;
    },

    // ── Subscribers ──
    async subscribers(cursor: string | undefined, limit: number, actor: Actor): Promise<Page<Subscriber>> {
      const page = await repo.activeSubscribers(cursor, limit);
      await writeSet(db)
        .audit(actor, 'read', 'newsletter-subscribers', 'list', page.items.map((s) => s.id).slice(0, 50), clock())
        .commit();
      return page;
    },

    async removeSubscriber(id: string, actor: Actor): Promise<void> {
      const s = await repo.subscriber(id);
      if (!s) throw new NotFound('Diese Person ist nicht (mehr) angemeldet.');
      await repo.removeSubscriber(s, writeSet(db)).audit(actor, 'delete', 'newsletter-subscriber', id, ['subscriber'], clock()).commit();
    },

    /**
     * A sign-up on the public page: a pending subscriber and the job of their confirmation mail. An address that is
     * pending gets a new link; one already confirmed gets nothing; the answer is the same for all three.
     */
    async subscribe(input: SubscribeInput): Promise<{ status: 'check_mail' }> {
      const existing = await repo.subscriberOf(input.email);
      const now = clock();
      if (existing?.state === 'active') return { status: 'check_mail' };
      const change = writeSet(db);
      if (existing) {
        startConfirmation(db, existing.id, change, now);
        await change.commit();
        return { status: 'check_mail' };
      }
      const s: StoredSubscriber = {
        id: ulid(now.getTime()),
        email: input.email.trim(),
        language: input.language,
        state: 'pending',
        signedUpAt: now.toISOString(),
        consentText: SUBSCRIBE_CONSENT[input.language],
        version: 1,
      };
      repo.createSubscriber(s, change, () => new Conflict('Diese Adresse wird gerade angemeldet.', 'pending'));
      startConfirmation(db, s.id, change, now);
      await change.commit();
      return { status: 'check_mail' };
    },

    /** The confirmation link: the subscriber is on the list from now on, with the time of their consent. */
    async confirm(token: string): Promise<{ status: 'subscribed'; language: 'de' | 'en' }> {
      const t = parseConfirmToken(token);
      if (!t) throw badConfirmLink();
      const s = await repo.subscriber(t.subscriberId);
      if (!s || !secretMatches(t.secret, s.confirmHashes ?? [])) throw badConfirmLink();
      if (s.state === 'active') return { status: 'subscribed', language: s.language };
      const now = clock();
      // The link's hashes stay, so a second click on the same link says "subscribed" again.
      await repo.replaceSubscriber({ ...s, state: 'active', confirmedAt: now.toISOString(), version: s.version + 1 }, s.version, writeSet(db)).commit();
      return { status: 'subscribed', language: s.language };
    },

    /** Deletes sign-ups whose link was not opened within 7 days; answers how many. */
    async purgePending(): Promise<number> {
      const before = new Date(clock().getTime() - PENDING_DAYS * 86_400_000).toISOString();
      let purged = 0;
      for (;;) {
        const page = await repo.pendingBefore(before, 25);
        if (!page.length) return purged;
        const change = writeSet(db);
        for (const s of page) repo.removeSubscriber(s, change);
        await change.commit();
        purged += page.length;
      }
    },

    // ── The public archive ──
    async archive(cursor: string | undefined, limit: number): Promise<Page<Pick<PublicIssue, 'id' | 'title' | 'intro' | 'sentAt'>>> {
      const page = await repo.archive(cursor, limit);
      return { items: page.items.map((i) => ({ id: i.id, title: i.title, intro: i.intro, sentAt: i.sentAt! })), nextCursor: page.nextCursor };
    },

    async archived(id: string): Promise<PublicIssue> {
      const i = await repo.get(id);
      if (!i || i.state !== 'sent') throw new NotFound('Diese Ausgabe gibt es nicht im Archiv.');
      return issueView(i, site);
    },
  };
}
export type NewslettersService = ReturnType<typeof newslettersService>;
