// Company relations: recording what the team does with a company (each activity a counted contact, its follow-up
// in the owner's list), learning-venue agreements and what uses them, and the company's timeline.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { companyRepository } from '../companies/repository.ts';
import { Forbidden, Invalid, NotFound, StaleVersion } from '../errors.ts';
import { OCCUPATION_TITLES } from '../occupations/catalogue.ts';
import { groupTitle } from '../occupations/groups.ts';
import type { Db } from '../table/port.ts';
import { writeSet } from '../table/write-set.ts';
import { berlinDate, berlinMonth, systemClock, type Clock } from '../time.ts';
import { seesCases } from '../users/roles.ts';
import { casesNamedIn } from './names.ts';
import { relationsRepository, type TimelineItem } from './repository.ts';
import type {
  Activity,
  ActivityInput,
  ActivityUpdate,
  Agreement,
  AgreementInput,
  AgreementListQuery,
  AgreementUpdate,
  AgreementView,
  FollowUpQuery,
  TimelineEntry,
} from './schema.ts';

/** The free-text fields of an activity: checked for participants' names. */
const NOTE_FIELDS = ['topicsText', 'outcome'] as const;

export const occupationTitleOf = (code: string) => OCCUPATION_TITLES.get(code) ?? groupTitle(code) ?? code;

/** Below three, a count of people at one company is shown to coordinators as "<3". */
const SHOWN_FROM = 3;

export function relationsService(db: Db, clock: Clock = systemClock) {
  const repo = relationsRepository(db);
  const companies = companyRepository(db);

  async function company(id: string, path = 'companyId') {
    const c = await companies.get(id);
    if (!c) throw path === 'id' ? new NotFound('Der Betrieb wurde nicht gefunden.') : new Invalid([{ path, message: 'unbekannter Betrieb' }]);
    return c;
  }

  /**
   * Refuses a note that names a participant (for counsellors and admins, who may know; a coordinator's answer would
   * itself reveal a case). The names are not repeated; the field is.
   */
  async function assertNoParticipantNamed(input: Pick<ActivityInput, (typeof NOTE_FIELDS)[number]>, actor: Actor) {
    if (!seesCases(actor.roles)) return;
    const errors = [];
    for (const field of NOTE_FIELDS) {
      if ((await casesNamedIn(repo.peopleByLastName, [input[field]])).length)
        errors.push({ path: field, message: 'nennt eine teilnehmende Person – Betriebsnotizen nennen keine Teilnehmenden' });
    }
    if (errors.length) throw new Invalid(errors);
  }

  /** A contact is changed by the staff member who had it, or by an administrator. */
  function assertMayChange(a: Activity, actor: Actor) {
    if (a.staffId !== actor.id && !actor.roles.includes('admin')) throw new Forbidden('Nur wer den Kontakt hatte oder die Verwaltung kann ihn ändern.');
  }

  const contactEvent = (a: Activity, at: Date) => ({ type: 'company.contact', at, data: { kind: a.kind, companyId: a.companyId } });

  return {
    /** How many participants a text names (counsellors and admins; 0 for anyone else, who is not told). */
    async nameCheck(text: string, actor: Actor) {
      return { mentions: seesCases(actor.roles) ? (await casesNamedIn(repo.peopleByLastName, [text])).length : 0 };
    },

    async recordActivity(companyId: string, input: ActivityInput, actor: Actor): Promise<Activity> {
      const c = await company(companyId, 'id');
      await assertNoParticipantNamed(input, actor);
      const now = clock();
      const a: Activity = {
        ...input,
        id: ulid(now.getTime()),
        version: 1,
        companyId,
        companyName: c.name,
        staffId: actor.id,
        staffEmail: actor.email,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo
        .putActivity(a, writeSet(db))
        .audit(actor, 'create', 'company', companyId, ['activities'], now)
        .event(contactEvent(a, now))
        .count({ [`contacts_${a.kind}`]: 1, [`contacts_${berlinMonth(now)}`]: 1 })
        .commit();
      return a;
    },

    async activity(companyId: string, id: string): Promise<Activity> {
      const a = await repo.activity(companyId, id);
      if (!a) throw new NotFound('Der Kontakt wurde nicht gefunden.');
      return a;
    },

    async updateActivity(companyId: string, id: string, input: ActivityUpdate, actor: Actor): Promise<Activity> {
      const before = await this.activity(companyId, id);
      assertMayChange(before, actor);
      await assertNoParticipantNamed(input, actor);
      const { version, ...fields } = input;
      if (version !== before.version) throw new StaleVersion();
      const now = clock();
      // A new follow-up date opens the follow-up again.
      const reopened = fields.followUpOn !== before.followUpOn;
      const { followUpDoneAt: _done, ...kept } = before;
      const after: Activity = {
        ...kept,
        ...fields,
        ...(before.followUpDoneAt && !reopened ? { followUpDoneAt: before.followUpDoneAt } : {}),
        version: version + 1,
        updatedAt: now.toISOString(),
      };
      const change = repo.replaceActivity(before, after, version, writeSet(db)).audit(actor, 'update', 'company', companyId, ['activities'], now);
      if (after.kind !== before.kind) change.count({ [`contacts_${before.kind}`]: -1, [`contacts_${after.kind}`]: 1 });
      await change.commit();
      return after;
    },

    /** Marks the follow-up done: it leaves its owner's list. */
    async followUpDone(companyId: string, id: string, version: number, actor: Actor): Promise<Activity> {
      const before = await this.activity(companyId, id);
      if (!before.followUpOn) throw new Invalid([{ path: 'followUpOn', message: 'der Kontakt hat keine Wiedervorlage' }]);
      const now = clock();
      const after: Activity = { ...before, followUpDoneAt: now.toISOString(), version: version + 1, updatedAt: now.toISOString() };
      await repo
        .replaceActivity(before, after, version, writeSet(db))
        .audit(actor, 'update', 'company', companyId, ['activities.followUpDoneAt'], now)
        .commit();
      return after;
    },

    async removeActivity(companyId: string, id: string, actor: Actor): Promise<Activity> {
      const a = await this.activity(companyId, id);
      assertMayChange(a, actor);
      const now = clock();
      await repo
        .removeActivity(a, a.version, writeSet(db))
        .audit(actor, 'delete', 'company', companyId, ['activities'], now)
        // A contact deleted in the month it was recorded (a mistake) leaves that month's figures and report.
        .event({ type: 'company.contact.removed', at: now, data: { kind: a.kind, companyId, recordedIn: berlinMonth(new Date(a.createdAt)) } })
        .count({ [`contacts_${a.kind}`]: -1, [`contacts_${berlinMonth(new Date(a.createdAt))}`]: -1 })
        .commit();
      return a;
    },

    /** "Meine Wiedervorlagen (Betriebe)": the open follow-ups the user owns, soonest first. */
    followUps: (q: FollowUpQuery, actor: Actor) => repo.followUps(actor.id, q.dueBy, q.cursor, q.limit),

    // ── Learning-venue agreements ───────────────────────────────────
    async createAgreement(input: AgreementInput, actor: Actor): Promise<Agreement> {
      const c = await company(input.companyId);
      const now = clock();
      const a: Agreement = {
        ...input,
        id: ulid(now.getTime()),
        version: 1,
        companyName: c.name,
        occupationTitles: input.occupationCodes.map(occupationTitleOf),
        createdBy: actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo
        .createAgreement(a, writeSet(db))
        .audit(actor, 'create', 'agreement', a.id, Object.keys(input).sort(), now)
        .event({ type: 'agreement.created', at: now, data: { companyId: a.companyId, places: a.places } })
        .count({ agreements: 1, [`agreements_${berlinMonth(now)}`]: 1 })
        .commit();
      return a;
    },

    async agreement(id: string): Promise<Agreement> {
      const a = await repo.agreement(id);
      if (!a) throw new NotFound('Die Lernortkooperation wurde nicht gefunden.');
      return a;
    },

    /** The agreement with the measures and case modules that use it; coordinators get small counts as "<3". */
    async agreementView(id: string, actor: Actor): Promise<AgreementView> {
      const a = await this.agreement(id);
      const use = await repo.agreementUse(id);
      const modules = use.modules;
      return {
        ...a,
        measures: use.measures.map((m) => ({ id: String(m.id), title: String(m.title), startDate: String(m.startDate), endDate: String(m.endDate) })),
        modulesUsing: seesCases(actor.roles) || modules === 0 || modules >= SHOWN_FROM ? modules : '<3',
      };
    },

    async updateAgreement(id: string, input: AgreementUpdate, actor: Actor): Promise<Agreement> {
      const before = await this.agreement(id);
      const { version, ...fields } = input;
      const c = fields.companyId === before.companyId ? undefined : await company(fields.companyId);
      const now = clock();
      const after: Agreement = {
        ...before,
        ...fields,
        companyName: c?.name ?? before.companyName,
        occupationTitles: fields.occupationCodes.map(occupationTitleOf),
        version: version + 1,
        updatedAt: now.toISOString(),
      };
      await repo.replaceAgreement(after, version, writeSet(db)).audit(actor, 'update', 'agreement', id, changedFields(before, after), now).commit();
      return after;
    },

    listAgreements: (q: AgreementListQuery) => repo.agreements(q.state, q.companyId, berlinDate(clock()), q.cursor, q.limit),

    /** One page of the company's timeline; proposals of participants only for counsellors and admins. */
    async timeline(companyId: string, cursor: string | undefined, limit: number, actor: Actor) {
      await company(companyId, 'id');
      const page = await repo.timeline(companyId, seesCases(actor.roles), cursor, limit);
      return { items: page.items.map(timelineEntry), nextCursor: page.nextCursor };
    },
  };
}
export type RelationsService = ReturnType<typeof relationsService>;

function timelineEntry({ source, date, record: i }: TimelineItem): TimelineEntry {
  switch (source) {
    case 'activity':
      return { type: 'activity', date: String(i.date), activity: i as unknown as Activity };
    case 'agreement':
      return { type: 'agreement', date: String(i.startsOn), agreement: i as unknown as Agreement };
    case 'invitation':
      return {
        type: 'invitation',
        date,
        campaignId: String(i.campaignId),
        state: String(i.state),
        ...(typeof i.sentAt === 'string' ? { sentAt: i.sentAt } : {}),
        ...(typeof i.submittedAt === 'string' ? { submittedAt: i.submittedAt } : {}),
      };
    case 'need':
      return {
        type: 'need',
        date: String(i.statedOn),
        needId: String(i.id),
        occupationTitle: String(i.occupationTitle),
        headcount: Number(i.headcount),
        status: String(i.status),
      };
    default:
      return { type: 'proposal', date, needId: String(i.needId), occupationTitle: String(i.occupationTitle), state: String(i.state) };
  }
}
