// The local identity adapter: staff users in the table, invitations through the mail transport.
import { ulid } from '#shared/ids.ts';
import { changedFields } from '#shared/audit/entry.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { guardSelf, type UserDirectory } from '#shared/users/directory.ts';
import { invitationMail } from '#shared/users/invitation.ts';
import { generatePassword, hashPassword } from '#shared/users/password.ts';
import { publicUser, userRepository } from '#shared/users/repository.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import type { MailTransport } from '#shared/email/message.ts';
import type { Db } from '#shared/table/access.ts';
import { writeSet } from '#shared/table/write-set.ts';

export function tableDirectory(db: Db, mail: MailTransport, siteUrl: string): UserDirectory {
  const repo = userRepository(db);
  const sessions = sessionGuard(db);
  return {
    list: (q) => repo.list(q.cursor, q.limit),

    async get(id) {
      const user = await repo.get(id);
      if (!user) throw new NotFound('Das Konto wurde nicht gefunden.');
      return publicUser(user);
    },

    async invite(input, actor) {
      const now = new Date();
      const password = generatePassword();
      const user = {
        ...input,
        id: ulid(),
        enabled: true,
        status: 'invited' as const,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        passwordHash: await hashPassword(password),
      };
      await repo.insert(user, writeSet(db).audit(actor, 'create', 'user', user.id, ['email', 'name', 'roles'], now));
      await mail.send(invitationMail(publicUser(user), password, siteUrl));
      return publicUser(user);
    },

    async update(id, input, actor) {
      const problem = guardSelf(id, input, actor);
      if (problem) throw new Conflict(problem, 'self_lockout');
      const before = await repo.get(id);
      if (!before) throw new NotFound('Das Konto wurde nicht gefunden.');
      const now = new Date();
      const after = { ...before, ...input, updatedAt: now.toISOString() };
      // Disabling or a change of roles ends the user's sessions in the same transaction.
      const revoke = before.enabled !== after.enabled || JSON.stringify([...before.roles].sort()) !== JSON.stringify([...after.roles].sort());
      const change = writeSet(db).audit(actor, 'update', 'user', id, changedFields(before, after), now);
      if (revoke) change.put(sessions.revocation(id, now, after));
      await repo.replace(after, change);
      return publicUser(after);
    },
  };
}
