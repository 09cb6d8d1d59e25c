// What can be done with network members: create, read, list, change and remove, each audited and fed to the report.
import { ulid } from 'ulid';
import { auditItem, changedFields, type Actor } from '../audit/entry.ts';
import { counterUpdate, eventItem } from '../feed/events.ts';
import { NotFound } from '../errors.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import type { Db, TransactItem } from '../table/access.ts';
import { memberRepository } from './repository.ts';
import type { Member, MemberInput, MemberListQuery, MemberUpdate } from './schema.ts';

export function membersService(db: Db, clock: Clock = systemClock) {
  const repo = memberRepository(db);

  const feed = (type: string, m: Member, at: Date): TransactItem => ({
    Put: { TableName: db.tableName, Item: eventItem({ type, at, data: { memberId: m.id, kind: m.kind } }) },
  });
  const audit = (actor: Actor, action: 'create' | 'update' | 'delete', id: string, fields: string[], at: Date): TransactItem => ({
    Put: { TableName: db.tableName, Item: auditItem(actor, action, 'member', id, fields, at) },
  });

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
      await repo.insert(member, [
        audit(actor, 'create', member.id, Object.keys(input).sort(), now),
        feed('member.joined', member, now),
        ...(member.digestSubscribed ? [feed('member.subscribed', member, now)] : []),
        counterUpdate(db, { members: 1, ...(member.digestSubscribed ? { digestSubscribers: 1 } : {}) }),
      ]);
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
      await repo.replace(after, version, [
        audit(actor, 'update', id, changedFields(before, after), now),
        ...(subscriptionChange
          ? [
              feed(subscriptionChange > 0 ? 'member.subscribed' : 'member.unsubscribed', after, now),
              counterUpdate(db, { digestSubscribers: subscriptionChange }),
            ]
          : []),
      ]);
      return after;
    },

    async remove(id: string, version: number | undefined, actor: Actor): Promise<Member> {
      const member = await this.get(id);
      const now = clock();
      await repo.remove(id, version ?? member.version, [
        audit(actor, 'delete', id, [], now),
        counterUpdate(db, { members: -1, ...(member.digestSubscribed ? { digestSubscribers: -1 } : {}) }),
      ]);
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
