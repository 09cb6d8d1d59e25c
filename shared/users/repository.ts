// The local identity store on the table (Cognito holds users in AWS): users by id, by e-mail and as a list.
import { Conflict, NotFound } from '../errors.ts';
import { keys } from '../table/keys.ts';
import { getItem, queryPage, stripKeys, type Db } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import { patterns } from '../table/patterns.ts';
import { writeSet, type WriteSet } from '../table/write-set.ts';
import type { Page } from '../schema-kit.ts';
import type { User } from './schema.ts';

/** The local store's user: the password hash and the sign-in failures (for the lockout) never leave it. */
export type StoredUser = User & { passwordHash: string; failedLogins?: number; failedSince?: string; lockedUntil?: string };

const users = entity<StoredUser>({ name: 'user', key: (u) => keys.user(u.id), slots: (u) => [patterns.usersByEmail.slot(u.email)] });

/** The user as the API shows it: never the password hash. */
export function publicUser(u: StoredUser): User {
  const { passwordHash: _hidden, failedLogins: _f, failedSince: _s, lockedUntil: _l, ...user } = u;
  return user;
}

export function userRepository(db: Db) {
  return {
    async get(id: string): Promise<StoredUser | undefined> {
      const item = await getItem(db, keys.user(id));
      return item ? stripKeys<StoredUser>(item) : undefined;
    },

    async findByEmail(email: string): Promise<StoredUser | undefined> {
      const link = await getItem(db, keys.userEmail(email));
      return link ? this.get(String(link.userId)) : undefined;
    },

    async list(cursor: string | undefined, limit: number): Promise<Page<User>> {
      const page = await queryPage(db, patterns.usersByEmail.of(), { cursor, limit });
      return { items: page.items.map((i) => publicUser(stripKeys<StoredUser>(i))), nextCursor: page.nextCursor };
    },

    /** Creates the user and claims the e-mail address in one transaction. */
    async insert(u: StoredUser, change: WriteSet = writeSet(db)): Promise<void> {
      await change
        .create(users.item(u))
        .create(
          { ...keys.userEmail(u.email), userId: u.id },
          () => new Conflict('Zu dieser E-Mail-Adresse gibt es schon ein Konto.', 'email_taken', [{ path: 'email', message: 'bereits vergeben' }]),
        )
        .commit();
    },

    async replace(u: StoredUser, change: WriteSet = writeSet(db)): Promise<void> {
      await change.overwrite(users.item(u), () => new NotFound('Das Konto wurde nicht gefunden.')).commit();
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
