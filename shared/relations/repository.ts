// Company relations on the table: activities in the company's partition (B7) with their open follow-ups on B8, and
// learning-venue agreements (B9–B12). The company's timeline merges them with its invitations, needs and proposals.
import { between, patterns, startingWith } from '../table/patterns.ts';
import { getItem, mergedPage, queryAll, queryPage, stripKeys, type Db, type Item, type MergeSource } from '../table/access.ts';
import { entity } from '../table/entity.ts';
import type { WriteSet } from '../table/write-set.ts';
import { guards } from '../table/port.ts';
import type { Page } from '../schema-kit.ts';
import type { NamedPerson } from './names.ts';
import type { Activity, Agreement } from './schema.ts';

/** A timeline item: where it comes from, the date it is ordered by, and the stored record. */
export type TimelineItem = { source: string; date: string; record: Record<string, unknown> };

const activityKey = (a: Pick<Activity, 'companyId' | 'date' | 'id'>) => ({
  pk: patterns.activitiesOfCompany.partitionOf(a.companyId),
  sk: `${patterns.activitiesOfCompany.sortPrefix}${a.date}#${a.id}`,
});

export const activities = entity<Activity>({
  name: 'activity',
  key: activityKey,
  slots: (a) => [Boolean(a.followUpOn && !a.followUpDoneAt) && patterns.companyFollowUpsOf.slot(`${a.followUpOn}#${a.id}`, a.staffId)],
});

/** An agreement without an end runs on: it sorts last among the current ones. */
const OPEN_END = '9999-12-31';

export const agreements = entity<Agreement>({
  name: 'agreement',
  key: (a) => patterns.agreement.key(a.id),
  slots: (a) => [
    patterns.agreementsOfCompany.slot(`${a.startsOn}#${a.id}`, a.companyId),
    patterns.agreementsByStart.slot(`${a.startsOn}#${a.id}`),
    patterns.agreementsByEnd.slot(`${a.endsOn ?? OPEN_END}#${a.id}`),
  ],
});

/** Where an item of the timeline comes from, and what it is ordered by (the date its slot sorts by). */
const dateOfSort = (sort: unknown) => String(sort).split('#')[0]!;

export function relationsRepository(db: Db) {
  return {
    /** An activity by id: B7 narrowed to the id (a company has a few dozen activities, sorted by date, not id). */
    async activity(companyId: string, id: string): Promise<Activity | undefined> {
      const page = await queryPage(db, patterns.activitiesOfCompany.of(companyId), { limit: 1, filter: { id } });
      return page.items[0] ? stripKeys<Activity>(page.items[0]) : undefined;
    },

    /** Whether the company has any activity or agreement (a company with a history is not deleted). */
    async hasHistory(companyId: string): Promise<boolean> {
      const [a, g] = await Promise.all([
        queryPage(db, patterns.activitiesOfCompany.of(companyId), { limit: 1 }),
        queryPage(db, patterns.agreementsOfCompany.of(companyId), { limit: 1 }),
      ]);
      return a.items.length > 0 || g.items.length > 0;
    },

    /** Open follow-ups of a staff member up to a date (absent: every open one), soonest first. */
    async followUps(staffId: string, dueBy: string | undefined, cursor: string | undefined, limit: number): Promise<Page<Activity>> {
      const target = between(patterns.companyFollowUpsOf.of(staffId), '0000-00-00', `${dueBy ?? OPEN_END}#~`);
      const page = await queryPage(db, target, { cursor, limit });
      return { items: page.items.map((i) => stripKeys<Activity>(i)), nextCursor: page.nextCursor };
    },

    putActivity: (a: Activity, change: WriteSet) => change.create(activities.item(a)),
    /** The activity as of `version`; a changed date moves it within the company's partition. */
    replaceActivity(before: Activity, after: Activity, version: number, change: WriteSet): WriteSet {
      if (before.date === after.date) return change.replace(activities.item(after), version);
      return change.removeGuarded(activityKey(before), guards.version(version)).create(activities.item(after));
    },
    removeActivity: (a: Activity, version: number, change: WriteSet) => change.removeGuarded(activityKey(a), guards.version(version)),

    async agreement(id: string): Promise<Agreement | undefined> {
      const item = await getItem(db, patterns.agreement.key(id));
      return item ? stripKeys<Agreement>(item) : undefined;
    },

    /** A company's agreements; or the current ones (not ended before today), soonest end first; or every one, newest start first. */
    async agreements(
      state: 'current' | 'all',
      companyId: string | undefined,
      today: string,
      cursor: string | undefined,
      limit: number,
    ): Promise<Page<Agreement>> {
      const page = companyId
        ? await queryPage(db, patterns.agreementsOfCompany.of(companyId), { cursor, limit, descending: true })
        : state === 'current'
          ? await queryPage(db, between(patterns.agreementsByEnd.of(), today, `${OPEN_END}#~`), { cursor, limit })
          : await queryPage(db, patterns.agreementsByStart.of(), { cursor, limit, descending: true });
      return { items: page.items.map((i) => stripKeys<Agreement>(i)), nextCursor: page.nextCursor };
    },

    createAgreement: (a: Agreement, change: WriteSet) => change.create(agreements.item(a)),
    replaceAgreement: (a: Agreement, version: number, change: WriteSet) => change.replace(agreements.item(a), version),

    /** The measures that use the agreement (a handful) and how many case modules name it. */
    async agreementUse(id: string): Promise<{ measures: Item[]; modules: number }> {
      const [measures, modules] = await Promise.all([
        queryPage(db, patterns.measuresOfAgreement.of(id), { limit: 100, descending: true }),
        countAll(db, patterns.modulesOfAgreement.of(id)),
      ]);
      return { measures: measures.items.map((i) => stripKeys<Item>(i)), modules };
    },

    /** The people of cases whose name starts with the folded last name (K6; a few at most per name). */
    peopleByLastName: async (foldedLastName: string): Promise<NamedPerson[]> => {
      const items = await queryAll(db, startingWith(patterns.casesByName.of(), `${foldedLastName} `), {}, 100);
      return items.flatMap((item) => {
        const p = (item as Item & { participant?: { firstName?: string; lastName?: string } }).participant;
        return p?.lastName ? [{ caseId: String(item.id), firstName: p.firstName ?? '', lastName: p.lastName }] : [];
      });
    },

    /**
     * One page of the company's timeline, newest first: activities, agreements, survey invitations, needs and (for
     * case roles) proposals of participants, merged by date.
     */
    async timeline(companyId: string, withProposals: boolean, cursor: string | undefined, limit: number): Promise<Page<TimelineItem>> {
      const sources: MergeSource[] = [
        { name: 'activity', target: patterns.activitiesOfCompany.of(companyId), order: (i) => String(i.date) },
        { name: 'agreement', target: patterns.agreementsOfCompany.of(companyId), order: (i) => dateOfSort(i.gsi1sk) },
        { name: 'invitation', target: patterns.invitationsOfCompany.of(companyId), order: (i) => dateOfSort(i.gsi1sk) },
        { name: 'need', target: patterns.needsOfCompany.of(companyId), order: (i) => dateOfSort(i.gsi3sk) },
        ...(withProposals ? [{ name: 'proposal', target: patterns.matchesOfCompany.of(companyId), order: (i: Item) => dateOfSort(i.gsi3sk) }] : []),
      ];
      const order = new Map(sources.map((s) => [s.name, s.order]));
      const page = await mergedPage(db, sources, { cursor, limit });
      return {
        items: page.items.map(({ source, item }) => ({
          source,
          date: order.get(source)!(item).slice(0, 10),
          record: stripKeys<Record<string, unknown>>(item),
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}
export type RelationsRepository = ReturnType<typeof relationsRepository>;

/** Counts the items of a partition page by page (the modules that name one agreement: a few dozen at most). */
async function countAll(db: Db, target: ReturnType<typeof patterns.modulesOfAgreement.of>): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage(db, target, { cursor, limit: 500 });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}
