// The children of a case: counselling sessions, plan modules, funding, the external exam and the outcome.
import { monotonicFactory, ulid } from '../ids.ts';
import type { Actor } from '../audit/entry.ts';
import { changedFields } from '../audit/entry.ts';
import { Conflict, Invalid, NotFound, StaleVersion } from '../errors.ts';
import { systemClock, type Clock } from '../time.ts';
import type { FeedEvent } from '../feed/events.ts';
import { assertMayShareWithPartners } from './consent.ts';
import type { CasesService } from './domain.ts';
import { offerRepository } from '../offers/repository.ts';
import { relationsRepository } from '../relations/repository.ts';
import { assertKnownDifferences, recognitionRecord } from './recognition.ts';
import type { CaseAggregate, Singleton } from './repository.ts';
import type {
  CaseRecord,
  Child,
  ChildKind,
  ExamInput,
  ForeignQualificationInput,
  FundingInput,
  ModuleInput,
  OutcomeInput,
  RecognitionInput,
  RecognitionRecord,
  SessionInput,
} from './schema.ts';
import { caseView } from './view.ts';

type ChildInput = SessionInput | ModuleInput | FundingInput | ForeignQualificationInput;
type SingletonFields = { exam: ExamInput; outcome: OutcomeInput; recognition: RecognitionRecord };
type Versioned<T> = T & { version?: number };

/** The earliest open follow-up among the sessions. */
export function nextFollowUp(sessions: CaseAggregate['sessions']): string | undefined {
  return sessions
    .filter((s) => s.followUp && !s.followUpDone)
    .map((s) => s.followUp!)
    .sort()[0];
}

export function caseChildren(cases: CasesService, clock: Clock = systemClock) {
  const { repo, audit, event, change } = cases;
  const offers = offerRepository(cases.db);
  const agreements = relationsRepository(cases.db);

  /** Child changes commute, so a lost race on the case version is simply retried on fresh data. */
  async function retrying<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (!(error instanceof StaleVersion) || attempt >= 4) throw error;
      }
    }
  }

  async function loadWritable(caseId: string): Promise<CaseAggregate> {
    const agg = await repo.load(caseId);
    if (agg.case.anonymisedAt) throw new Conflict('Der Fall ist anonymisiert und kann nicht mehr geändert werden.', 'anonymised');
    return agg;
  }

  /** The case item after a child change: new version and update time, follow-up recomputed. */
  function touched(agg: CaseAggregate, now: Date): CaseRecord {
    const next = nextFollowUp(agg.sessions);
    const c: CaseRecord = { ...agg.case, version: agg.case.version + 1, updatedAt: now.toISOString() };
    if (next) c.nextFollowUp = next;
    else delete c.nextFollowUp;
    return c;
  }

  function childEvents(kind: ChildKind, before: Partial<ChildInput> | undefined, after: ChildInput, c: CaseRecord, now: Date): FeedEvent[] {
    const out: FeedEvent[] = [];
    if (kind === 'sessions' && !before) {
      const s = after as SessionInput;
      if (s.kind === 'first_talk') out.push(event('session.first_talk', c, now));
      out.push(event('session.held', c, now, { sessionKind: s.kind, minutes: s.minutes }));
    }
    if (kind === 'modules') {
      const m = after as ModuleInput;
      if (!before) out.push(event('module.added', c, now, { hours: m.hours }));
      if (m.status === 'completed' && (before as ModuleInput | undefined)?.status !== 'completed')
        out.push(event('module.completed', c, now, { hours: m.hours }));
    }
    return out;
  }

  /** A line in the case's history for a change made on its behalf elsewhere (a group measure's step). */
  function noted(ws: ReturnType<typeof change>, c: CaseRecord, actor: Actor, now: Date, note: string) {
    return repo.history(c.id, { at: now.toISOString(), actorId: actor.id, to: c.status, reason: note }, ulid(now.getTime()), ws);
  }

  async function commitChild(
    agg: CaseAggregate,
    kind: ChildKind,
    childId: string,
    child: Record<string, unknown> & { id: string },
    expected: number | undefined,
    facts: FeedEvent[],
    actor: Actor,
    fields: string[],
  ) {
    const now = clock();
    const list = agg[kind] as { id: string }[];
    const index = list.findIndex((x) => x.id === childId);
    if (index >= 0) list[index] = child;
    else list.push(child);
    const c = touched(agg, now);
    const ws = repo.putChild(c.id, kind, child, expected, repo.putCase(c, agg.case.version, change()));
    for (const f of facts) ws.event(f);
    await audit(ws, actor, expected === undefined ? 'create' : 'update', c.id, fields, now).commit();
    return caseView({ ...agg, case: c }, now);
  }

  /**
   * Writes the exam, the outcome or the recognition procedure (one each per case) with its version check, audit entry
   * and counted facts; `build` turns the input into what is stored.
   */
  async function putSingleton<K extends Singleton, I, T extends SingletonFields[K]>(
    caseId: string,
    which: K,
    input: Versioned<I>,
    actor: Actor,
    staleMessage: string,
    build: (fields: I, agg: CaseAggregate, now: Date) => Promise<T> | T,
    facts: (before: Partial<T> | undefined, fields: T, c: CaseRecord, now: Date) => { events: FeedEvent[]; counts?: Record<string, number> },
    note?: string,
  ) {
    const agg = await loadWritable(caseId);
    const before = agg[which] as Child<T> | undefined;
    if (before && before.version !== input.version) throw new Conflict(staleMessage, 'version_conflict', [{ path: 'version', message: 'veraltete Version' }]);
    const now = clock();
    const { version: _v, ...rest } = input;
    const fields = await build(rest as I, agg, now);
    const item = { ...fields, id: which, version: (before?.version ?? 0) + 1, createdAt: before?.createdAt ?? now.toISOString(), updatedAt: now.toISOString() };
    const c = { ...agg.case, version: agg.case.version + 1, updatedAt: now.toISOString() };
    const changed = changedFields((before ?? {}) as never, item as never).map((f) => `${which}.${f}`);
    const ws = repo.putSingleton(caseId, which, item, before?.version, repo.putCase(c, agg.case.version, change()));
    const counted = facts(before, fields, c, now);
    for (const f of counted.events) ws.event(f);
    if (counted.counts) ws.count(counted.counts);
    if (note) noted(ws, c, actor, now, note);
    await audit(ws, actor, before ? 'update' : 'create', caseId, changed, now).commit();
    return caseView({ ...agg, case: c, [which]: item }, now);
  }

  /**
   * A plan module run by a network training provider names the person to that provider; an adaptation module closes
   * only differences the recognition decision lists.
   */
  function assertModuleAllowed(agg: CaseAggregate, kind: ChildKind, input: ChildInput, before?: ChildInput) {
    if (kind !== 'modules') return;
    const providerId = (input as ModuleInput).providerMemberId;
    if (providerId && providerId !== (before as ModuleInput | undefined)?.providerMemberId) {
      assertMayShareWithPartners(agg.case.consent, 'providerMemberId', 'Ein Baustein bei einem Bildungsträger des Netzwerks');
    }
    const agreementId = (input as ModuleInput).agreementId;
    if (agreementId && agreementId !== (before as ModuleInput | undefined)?.agreementId) {
      assertMayShareWithPartners(agg.case.consent, 'agreementId', 'Ein Baustein bei einem Lernortbetrieb');
    }
    assertKnownDifferences(input as ModuleInput, agg.recognition);
  }

  /** A module taken from the catalogue names an offer that exists. */
  async function assertOfferKnown(kind: ChildKind, input: ChildInput, before?: ChildInput) {
    const offerId = kind === 'modules' ? (input as ModuleInput).offerId : undefined;
    if (!offerId || offerId === (before as ModuleInput | undefined)?.offerId) return;
    if (!(await offers.get(offerId))) throw new Invalid([{ path: 'offerId', message: 'unbekanntes Angebot' }]);
  }

  /** A module at a learning venue names an agreement that exists; the company then learns who the person is. */
  async function assertAgreementKnown(kind: ChildKind, input: ChildInput, before?: ChildInput) {
    const agreementId = kind === 'modules' ? (input as ModuleInput).agreementId : undefined;
    if (!agreementId || agreementId === (before as ModuleInput | undefined)?.agreementId) return;
    if (!(await agreements.agreement(agreementId))) throw new Invalid([{ path: 'agreementId', message: 'unbekannte Lernortkooperation' }]);
  }

  /** The exam application goes to the chamber, a network partner. */
  function examFields(fields: ExamInput, agg: CaseAggregate): ExamInput {
    if (fields.applicationDate && !agg.exam?.applicationDate) {
      assertMayShareWithPartners(agg.case.consent, 'applicationDate', 'Die Anmeldung zur Externenprüfung bei der Kammer');
    }
    return fields;
  }

  /** The application goes to the competent body: it names the person to a partner. */
  async function recognitionFields(fields: RecognitionInput, agg: CaseAggregate, now: Date): Promise<RecognitionRecord> {
    if (fields.appliedOn && !agg.recognition?.appliedOn) {
      assertMayShareWithPartners(agg.case.consent, 'appliedOn', 'Der Antrag auf Anerkennung bei der zuständigen Stelle');
    }
    const occupation = await repo.occupation(fields.referenceOccupationId);
    if (!occupation) throw new Invalid([{ path: 'referenceOccupationId', message: 'unbekannter Beruf' }]);
    const known = new Set((agg.recognition?.differences ?? []).map((d) => d.id));
    const unknown = fields.differences.findIndex((d) => d.id && !known.has(d.id));
    if (unknown >= 0) throw new Invalid([{ path: `differences.${unknown}.id`, message: 'unbekannter Unterschied' }]);
    return recognitionRecord(fields, occupation, now);
  }

  return {
    add: (caseId: string, kind: ChildKind, input: ChildInput, actor: Actor) =>
      retrying(async () => {
        const agg = await loadWritable(caseId);
        assertModuleAllowed(agg, kind, input);
        await assertOfferKnown(kind, input);
        await assertAgreementKnown(kind, input);
        const now = clock();
        const id = ulid(now.getTime());
        const child = { ...input, id, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() };
        return commitChild(agg, kind, id, child, undefined, childEvents(kind, undefined, input, agg.case, now), actor, [`${kind}.${id}`]);
      }),

    async update(caseId: string, kind: ChildKind, childId: string, input: ChildInput & { version: number }, actor: Actor) {
      return retrying(async () => {
        const agg = await loadWritable(caseId);
        const before = (agg[kind] as (ChildInput & { id: string; version: number; createdAt: string })[]).find((x) => x.id === childId);
        if (!before) throw new NotFound('Der Eintrag wurde nicht gefunden.');
        if (before.version !== input.version)
          throw new Conflict('Der Eintrag wurde inzwischen geändert. Bitte neu laden.', 'version_conflict', [
            { path: 'version', message: 'veraltete Version' },
          ]);
        assertModuleAllowed(agg, kind, input, before);
        await assertOfferKnown(kind, input, before);
        await assertAgreementKnown(kind, input, before);
        const now = clock();
        const { version, ...fields } = input;
        const child = { ...fields, id: childId, version: version + 1, createdAt: before.createdAt, updatedAt: now.toISOString() };
        const changed = changedFields(before as never, child as never).map((f) => `${kind}.${childId}.${f}`);
        return commitChild(agg, kind, childId, child, version, childEvents(kind, before, fields, agg.case, now), actor, changed);
      });
    },

    async remove(caseId: string, kind: ChildKind, childId: string, actor: Actor) {
      return retrying(async () => {
        const agg = await loadWritable(caseId);
        const list = agg[kind] as { id: string }[];
        if (!list.some((x) => x.id === childId)) throw new NotFound('Der Eintrag wurde nicht gefunden.');
        (agg as unknown as Record<string, unknown>)[kind] = list.filter((x) => x.id !== childId);
        const now = clock();
        const c = touched(agg, now);
        const ws = repo.removeChild(caseId, kind, childId, repo.putCase(c, agg.case.version, change()));
        await ws.audit(actor, 'delete', 'case', caseId, [`${kind}.${childId}`], now).commit();
        return caseView({ ...agg, case: c }, now);
      });
    },

    /**
     * Several plan modules changed in one transaction with the case (a group measure: joining adds its modules,
     * leaving ends the open ones, a changed shared plan updates them). `plan` decides on the case as loaded; `extra`
     * adds the writes that belong to the same change (the participation); `note` goes into the case's history.
     * Answers false when the plan asks for nothing.
     */
    changeModules: (
      caseId: string,
      plan: (agg: CaseAggregate) => { add: ModuleInput[]; update: { id: string; fields: ModuleInput }[]; remove: string[] },
      actor: Actor,
      note: string,
      extra: (ws: ReturnType<typeof change>, agg: CaseAggregate) => void = () => undefined,
    ) =>
      retrying(async () => {
        const agg = await loadWritable(caseId);
        const { add, update, remove } = plan(agg);
        if (!add.length && !update.length && !remove.length) return false;
        const now = clock();
        const ws = change();
        const fields: string[] = [];
        const events: FeedEvent[] = [];
        // Ids in order, so the plan lists the added modules as given (a measure's sequence).
        const nextId = monotonicFactory();
        for (const input of add) {
          assertModuleAllowed(agg, 'modules', input);
          const id = nextId(now.getTime());
          const child = { ...input, id, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() };
          agg.modules.push(child);
          repo.putChild(caseId, 'modules', child, undefined, ws);
          events.push(...childEvents('modules', undefined, input, agg.case, now));
          fields.push(`modules.${id}`);
        }
        for (const { id, fields: input } of update) {
          const before = agg.modules.find((m) => m.id === id);
          if (!before) throw new NotFound('Der Baustein wurde nicht gefunden.');
          assertModuleAllowed(agg, 'modules', input, before);
          const child = { ...input, id, version: before.version + 1, createdAt: before.createdAt, updatedAt: now.toISOString() };
          agg.modules[agg.modules.indexOf(before)] = child;
          repo.putChild(caseId, 'modules', child, before.version, ws);
          events.push(...childEvents('modules', before, input, agg.case, now));
          fields.push(...changedFields(before as never, child as never).map((f) => `modules.${id}.${f}`));
        }
        for (const id of remove) {
          agg.modules = agg.modules.filter((m) => m.id !== id);
          repo.removeChild(caseId, 'modules', id, ws);
          fields.push(`modules.${id}`);
        }
        const c = touched(agg, now);
        repo.putCase(c, agg.case.version, ws);
        for (const e of events) ws.event(e);
        extra(ws, agg);
        noted(ws, c, actor, now, note);
        await audit(ws, actor, 'update', caseId, fields, now).commit();
        return true;
      }),

    /** The external exam: registering and each result are counted facts. */
    putExam: (caseId: string, input: Versioned<ExamInput>, actor: Actor, note?: string) =>
      putSingleton(
        caseId,
        'exam',
        input,
        actor,
        'Die Prüfungsdaten wurden inzwischen geändert. Bitte neu laden.',
        examFields,
        (before, fields, c, now) => ({
          events: [
            ...(fields.applicationDate && !before?.applicationDate ? [event('exam.registered', c, now)] : []),
            ...(fields.part1Result && !before?.part1Result ? [event(`exam.part1_${fields.part1Result}`, c, now)] : []),
            ...(fields.finalResult && !before?.finalResult ? [event(`exam.${fields.finalResult}`, c, now)] : []),
          ],
        }),
        note,
      ),

    /** The outcome: the start of employment is a counted fact. */
    putOutcome: (caseId: string, input: Versioned<OutcomeInput>, actor: Actor) =>
      putSingleton(
        caseId,
        'outcome',
        input,
        actor,
        'Der Verbleib wurde inzwischen geändert. Bitte neu laden.',
        (fields: OutcomeInput) => fields,
        (before, fields, c, now) => ({
          events: fields.employmentStart && !before?.employmentStart ? [event('case.employed', c, now, { employmentKind: fields.employmentKind ?? null })] : [],
        }),
      ),

    /** The recognition procedure (BQFG): the application, the first decision and an appeal are counted facts. */
    putRecognition: (caseId: string, input: Versioned<RecognitionInput>, actor: Actor) =>
      putSingleton(
        caseId,
        'recognition',
        input,
        actor,
        'Das Anerkennungsverfahren wurde inzwischen geändert. Bitte neu laden.',
        recognitionFields,
        (before, fields, c, now) => {
          const applied = Boolean(fields.appliedOn && !before?.appliedOn);
          const decided = fields.decision !== 'pending' && (before?.decision ?? 'pending') === 'pending';
          const appealed = Boolean(fields.appeal && !before?.appeal);
          return {
            events: [
              ...(applied ? [event('recognition.applied', c, now)] : []),
              ...(decided ? [event('recognition.decided', c, now, { decision: fields.decision })] : []),
              ...(appealed ? [event('recognition.appealed', c, now)] : []),
            ],
            counts: {
              ...(applied ? { recognition_applied: 1 } : {}),
              ...(decided ? { [`recognition_${fields.decision}`]: 1 } : {}),
            },
          };
        },
      ),
  };
}
