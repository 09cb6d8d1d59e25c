// Newsletter issues, public subscribers and the lists' opt-outs on the table (docs/data-model.md, W1–W8).
import { createHash } from 'node:crypto';
import { getItem, queryAll, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { between, patterns } from '../table/patterns.ts';
import { guards } from '../table/port.ts';
import type { Failure, WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { Issue, Subscriber } from './schema.ts';

export const issues = entity<Issue>({
  name: 'newsletter',
  key: (i) => patterns.newsletter.key(i.id),
  slots: (i) => [
    patterns.newslettersByDate.slot(`${i.sentAt ?? i.createdAt}#${i.id}`, i.state),
    i.state === 'sent' && Boolean(i.sentAt) && patterns.newsletterArchive.slot(`${i.sentAt}#${i.id}`),
  ],
});

/** A subscriber as stored: with the hashes of their confirmation links, which no API shows. */
export type StoredSubscriber = Subscriber & { confirmHashes?: string[] };
export const subscriberView = ({ confirmHashes: _h, ...s }: StoredSubscriber): Subscriber => s;

export const subscribers = entity<StoredSubscriber>({
  name: 'subscriber',
  key: (s) => patterns.subscriber.key(s.id),
  slots: (s) => [
    s.state === 'active' && Boolean(s.confirmedAt) && patterns.activeSubscribers.slot(`${s.confirmedAt}#${s.id}`),
    s.state === 'pending' && patterns.pendingSubscribers.slot(`${s.signedUpAt}#${s.id}`),
  ],
});

/** The hash of an address (lower case, trimmed): the key of one subscription, an opt-out and a recipient of a send. */
export const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

export function newsletterRepository(db: Db) {
  return {
    async get(id: string): Promise<Issue | undefined> {
      const item = await getItem(db, patterns.newsletter.key(id), true);
      return item ? stripKeys<Issue>(item) : undefined;
    },

    async list(state: Issue['state'], cursor: string | undefined, limit: number): Promise<Page<Issue>> {
      const page = await queryPage(db, patterns.newslettersByDate.of(state), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Issue>(i)), nextCursor: page.nextCursor };
    },

    async archive(cursor: string | undefined, limit: number): Promise<Page<Issue>> {
      const page = await queryPage(db, patterns.newsletterArchive.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Issue>(i)), nextCursor: page.nextCursor };
    },

    create: (i: Issue, change: WriteSet) => change.create(issues.item(i)),
    replace: (i: Issue, version: number, change: WriteSet) => change.replace(issues.item(i), version),
    /**
     * Adds an uploaded picture to the draft's list without moving its version (the form being edited keeps its
     * version and saves over it), guarded by the time of the last change: a concurrent upload or save retries.
     */
    addPicture: (i: Issue, key: string, now: Date, change: WriteSet) =>
      change.update(patterns.newsletter.key(i.id), {
        set: { pictures: [...i.pictures, key], updatedAt: now.toISOString() },
        guard: guards.equals({ updatedAt: i.updatedAt, state: 'draft' }),
      }),

    remove: (i: Issue, change: WriteSet) => change.removeGuarded(patterns.newsletter.key(i.id), guards.version(i.version)),

    // ── Subscribers ──
    async subscriber(id: string): Promise<StoredSubscriber | undefined> {
      const item = await getItem(db, patterns.subscriber.key(id), true);
      return item ? stripKeys<StoredSubscriber>(item) : undefined;
    },

    /** The subscriber who holds this address, if any. */
    async subscriberOf(email: string): Promise<StoredSubscriber | undefined> {
      const item = await getItem(db, patterns.subscriberAddress.key(addressHash(email)), true);
      return item ? this.subscriber(String(item.subscriberId)) : undefined;
    },

    async activeSubscribers(cursor: string | undefined, limit: number): Promise<Page<Subscriber>> {
      const page = await queryPage(db, patterns.activeSubscribers.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => subscriberView(stripKeys<StoredSubscriber>(i))), nextCursor: page.nextCursor };
    },

    /** Every confirmed subscriber (the audience of a send). */
    async allActiveSubscribers(): Promise<StoredSubscriber[]> {
      return (await queryAll(db, patterns.activeSubscribers.of())).map((i) => stripKeys<StoredSubscriber>(i));
    },

    /** Sign-ups not confirmed by `before` (ISO time), oldest first. */
    async pendingBefore(before: string, limit: number): Promise<StoredSubscriber[]> {
      const page = await queryPage(db, between(patterns.pendingSubscribers.of(), '0000', `${before}#~`), { limit });
      return page.items.map((i) => stripKeys<StoredSubscriber>(i));
    },

    /** A new subscriber with their address (a second sign-up with it fails with `onTaken`). */
    createSubscriber(s: StoredSubscriber, change: WriteSet, onTaken: Failure): WriteSet {
      return change.create(subscribers.item(s)).create({ ...patterns.subscriberAddress.key(addressHash(s.email)), subscriberId: s.id }, onTaken);
    },

    replaceSubscriber: (s: StoredSubscriber, version: number, change: WriteSet) => change.replace(subscribers.item(s), version),

    /** Deletes the subscriber and their address: nothing of them is left. */
    removeSubscriber: (s: Pick<Subscriber, 'id' | 'email'>, change: WriteSet) =>
      change.remove(patterns.subscriber.key(s.id)).remove(patterns.subscriberAddress.key(addressHash(s.email))),

    // ── Opt-outs of the network's and the companies' list ──
    /** The address hashes that left `list`. */
    async optOuts(list: 'network' | 'companies'): Promise<Set<string>> {
      const items = await queryAll(db, patterns.listOptOuts.of(list));
      return new Set(items.map((i) => String(i.sk)));
    },

    async isOptedOut(list: 'network' | 'companies', hash: string): Promise<boolean> {
      return Boolean(await getItem(db, { pk: patterns.listOptOuts.partitionOf(list), sk: hash }, true));
    },

    optOut: (list: 'network' | 'companies', hash: string, at: Date, change: WriteSet) =>
      change.put({ pk: patterns.listOptOuts.partitionOf(list), sk: hash, at: at.toISOString() }),
  };
}
export type NewsletterRepository = ReturnType<typeof newsletterRepository>;
