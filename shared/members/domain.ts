// What can be done with network members: create, read, list, change and remove, each audited and fed to the report.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { NotFound } from '../errors.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { memberRepository } from './repository.ts';
import type { Member, MemberInput, MemberListQuery, MemberUpdate } from './schema.ts';

export function membersService(db: Db, clock: Clock = systemClock) {
  const repo = memberRepository(db);

  const feed = (type: string, m: Member, at: Date) => ({ type, at, data: { memberId: m.id, kind: m.kind } });

  return {
    async get(id: string): Promise<Member> {
      const member = await repo.get(id);
      if (!member) throw new NotFound('Der Netzwerkpartner wurde nicht gefunden.');
      return member;
    },

    list: (query: MemberListQuery) => repo.list(query),

    async create(input: MemberInput, actor: Actor): Promise<Member> {
      const now = clock();
      const member: Member = {
        ...input,
        id: ulid(now.getTime()),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        ...(input.digestSubscribed ? { digestSince: berlinDate(now) } : {}),
      };
      const change = writeSet(db)
        .audit(actor, 'create', 'member', member.id, Object.keys(input).sort(), now)
        .event(feed('member.joined', member, now))
        .count({ members: 1, ...(member.digestSubscribed ? { digestSubscribers: 1 } : {}) });
      if (member.digestSubscribed) change.event(feed('member.subscribed', member, now));
      await repo.insert(member, change);
      return member;
    },

    async update(id: string, input: MemberUpdate, actor: Actor): Promise<Member> {
      const before = await this.get(id);
      const now = clock();
      const { version, ...fields } = input;
      const after: Member = {
        ...fields,
        id,
        version: version + 1,
        createdAt: before.createdAt,
        updatedAt: now.toISOString(),
        ...digestDates(before, fields.digestSubscribed, now),
      };
      const subscriptionChange = before.digestSubscribed === after.digestSubscribed ? 0 : after.digestSubscribed ? 1 : -1;
      const change = writeSet(db).audit(actor, 'update', 'member', id, changedFields(before, after), now);
      if (subscriptionChange)
        change.event(feed(subscriptionChange > 0 ? 'member.subscribed' : 'member.unsubscribed', after, now)).count({ digestSubscribers: subscriptionChange });
      await repo.replace(after, version, change);
      return after;
    },

    async remove(id: string, version: number | undefined, actor: Actor): Promise<Member> {
      const member = await this.get(id);
      const now = clock();
      await repo.remove(
        id,
        version ?? member.version,
        writeSet(db)
          .audit(actor, 'delete', 'member', id, [], now)
          .count({ members: -1, ...(member.digestSubscribed ? { digestSubscribers: -1 } : {}) }),
      );
      return member;
    },
  };
}
export type MembersService = ReturnType<typeof membersService>;

/** Subscription dates follow the flag: since is set on subscribing, unsubscribedAt on leaving. */
function digestDates(before: Member, subscribed: boolean, now: Date): Pick<Member, 'digestSince' | 'digestUnsubscribedAt'> {
  if (subscribed && before.digestSubscribed) return { digestSince: before.digestSince };
  if (subscribed) return { digestSince: berlinDate(now) };
  if (before.digestSubscribed) return { digestUnsubscribedAt: now.toISOString() };
  return { digestUnsubscribedAt: before.digestUnsubscribedAt };
}
