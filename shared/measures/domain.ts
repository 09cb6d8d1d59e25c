// What counsellors do with group measures: set one up with its shared plan, let cases join and leave, and take
// steps for the whole roster (a module's certificate, the exam's registration, admission and results) as one job
// in which each case gets its own entry. Coordinators see the measure and its figures, never the roster's names.
import { ulid } from '../ids.ts';
import { changedFields, type Actor } from '../audit/entry.ts';
import { auditLog } from '../audit/log.ts';
import { caseChildren } from '../cases/children.ts';
import { casesService } from '../cases/domain.ts';
import { CLOSED } from '../cases/lifecycle.ts';
import type { CaseAggregate } from '../cases/repository.ts';
import type { ModuleInput } from '../cases/schema.ts';
import { relationsRepository } from '../relations/repository.ts';
import { companyRepository } from '../companies/repository.ts';
import { mapLimit } from '../concurrency.ts';
import { Conflict, Invalid, NotFound, type FieldError } from '../errors.ts';
import { jobRepository } from '../jobs/repository.ts';
import { newJob, type Job } from '../jobs/schema.ts';
import { memberRepository } from '../members/repository.ts';
import type { Db } from '../table/port.ts';
import type { Page } from '../schema-kit.ts';
import { writeSet } from '../table/write-set.ts';
import { berlinDate, systemClock, type Clock } from '../time.ts';
import { seesCases } from '../users/roles.ts';
import { measureFigures, type ParticipantFacts } from './figures.ts';
import { measureRepository } from './repository.ts';
import type {
  JoinInput,
  LeaveInput,
  Measure,
  MeasureInput,
  MeasureListItem,
  MeasureListQuery,
  MeasureModule,
  MeasureUpdate,
  MeasureView,
  Participation,
  RosterRow,
  StepInput,
} from './schema.ts';
import { stateOf } from './schema.ts';

/** The case module a measure module becomes in a participant's plan (linked, so it follows the measure). */
export function caseModule(m: Measure, mm: MeasureModule, before?: ModuleInput): ModuleInput {
  return {
    ...(before ?? { status: 'planned' as const, closesDifferences: [] }),
    title: mm.title,
    kind: mm.kind,
    hours: mm.hours,
    startDate: mm.startDate,
    endDate: mm.endDate,
    providerMemberId: mm.providerMemberId ?? m.providerMemberId,
    venueCompany: m.companyName,
    measureId: m.id,
    measureModuleId: mm.id,
  };
}

/** The raw counts (who joined, who is still in) are for those who see the roster; the others read the figures. */
function withoutCounts<T extends { joined?: number; active?: number }>(m: T): T {
  const { joined: _j, active: _a, ...rest } = m;
  return rest as T;
}

const linked = (agg: CaseAggregate, measureId: string) => agg.modules.filter((x) => x.measureId === measureId);
const open = (status: ModuleInput['status']) => status === 'planned' || status === 'running';

/** A participant's plan brought in line with the measure's shared plan: dates follow, new modules come, dropped planned ones go. */
export function planSync(m: Measure, agg: CaseAggregate) {
  const mine = linked(agg, m.id);
  const update: { id: string; fields: ModuleInput }[] = [];
  for (const x of mine) {
    const mm = m.modules.find((y) => y.id === x.measureModuleId);
    if (!mm || !open(x.status)) continue;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...before } = x;
    const fields = caseModule(m, mm, before);
    const followed = ['title', 'kind', 'hours', 'startDate', 'endDate', 'providerMemberId', 'venueCompany'] as const;
    if (followed.some((k) => fields[k] !== before[k])) update.push({ id: x.id, fields });
  }
  const add = m.modules.filter((mm) => !mine.some((x) => x.measureModuleId === mm.id)).map((mm) => caseModule(m, mm));
  const remove = mine.filter((x) => x.status === 'planned' && !m.modules.some((mm) => mm.id === x.measureModuleId)).map((x) => x.id);
  return { add, update, remove };
}

export function measuresService(db: Db, clock: Clock = systemClock) {
  const repo = measureRepository(db);
  const cases = casesService(db, clock);
  const children = caseChildren(cases, clock);
  const log = auditLog(db);

  async function resolve(input: MeasureInput, before?: Measure) {
    const errors: FieldError[] = [];
    const [occupation, company, provider] = await Promise.all([
      cases.repo.occupation(input.targetOccupationId),
      companyRepository(db).get(input.companyId),
      memberRepository(db).get(input.providerMemberId),
    ]);
    if (!occupation) errors.push({ path: 'targetOccupationId', message: 'unbekannter Beruf' });
    if (!company) errors.push({ path: 'companyId', message: 'unbekannter Betrieb' });
    if (input.agreementId) {
      const agreement = await relationsRepository(db).agreement(input.agreementId);
      if (!agreement) errors.push({ path: 'agreementId', message: 'unbekannte Lernortkooperation' });
      else if (agreement.companyId !== input.companyId) errors.push({ path: 'agreementId', message: 'die Lernortkooperation gehört zu einem anderen Betrieb' });
    }
    if (!provider || provider.kind !== 'training_provider') errors.push({ path: 'providerMemberId', message: 'kein Bildungsträger des Netzwerks' });
    const known = new Set(before?.modules.map((m) => m.id) ?? []);
    input.modules.forEach((m, i) => {
      if (m.id && !known.has(m.id)) errors.push({ path: `modules.${i}.id`, message: 'unbekannter Baustein der Maßnahme' });
    });
    const providers = await Promise.all(input.modules.map(async (m) => (m.providerMemberId ? memberRepository(db).get(m.providerMemberId) : undefined)));
    input.modules.forEach((m, i) => {
      if (m.providerMemberId && providers[i]?.kind !== 'training_provider')
        errors.push({ path: `modules.${i}.providerMemberId`, message: 'kein Bildungsträger des Netzwerks' });
    });
    if (errors.length) throw new Invalid(errors);
    const now = clock();
    const { modules, ...rest } = input;
    return {
      ...rest,
      targetOccupation: { id: occupation!.id, code: occupation!.code, title: occupation!.title, chamber: occupation!.chamber },
      companyName: company!.name,
      providerName: provider!.name,
      modules: modules.map((m) => ({ ...m, id: m.id ?? ulid(now.getTime()) })),
    };
  }

  /** Each participant's case, for the figures and (counsellors) the roster. */
  async function participantsOf(participants: Participation[]) {
    return mapLimit(participants, 8, async (p) => ({ p, agg: await cases.repo.load(p.caseId).catch(() => undefined) }));
  }

  function row(m: Measure, p: Participation, agg: CaseAggregate): RosterRow {
    const mine = linked(agg, m.id);
    const done = mine.filter((x) => x.status === 'completed');
    return {
      caseId: p.caseId,
      number: agg.case.number,
      name: agg.case.anonymisedAt ? agg.case.number : `${agg.case.participant.firstName} ${agg.case.participant.lastName}`,
      status: agg.case.status,
      joinedOn: p.joinedOn,
      ...(p.leftOn ? { leftOn: p.leftOn } : {}),
      ...(p.leftReason ? { leftReason: p.leftReason } : {}),
      modulesCompleted: done.length,
      modulesTotal: mine.length,
      hoursCompleted: done.reduce((a, x) => a + x.hours, 0),
      ...(agg.exam?.applicationDate ? { applicationDate: agg.exam.applicationDate } : {}),
      ...(agg.exam?.admission ? { admission: agg.exam.admission } : {}),
      ...(agg.exam?.finalResult ? { finalResult: agg.exam.finalResult } : {}),
      anonymised: Boolean(agg.case.anonymisedAt),
    };
  }

  const facts = (r: RosterRow, agg: CaseAggregate): ParticipantFacts => ({
    left: Boolean(r.leftOn),
    finalResult: r.finalResult,
    woman: agg.case.participant.gender === 'female',
    migration: agg.case.participant.migrationBackground === 'yes',
    modulesCompleted: r.modulesCompleted,
    hoursCompleted: r.hoursCompleted,
  });

  async function load(id: string) {
    const found = await repo.withParticipants(id);
    if (!found) throw new NotFound('Die Gruppenmaßnahme wurde nicht gefunden.');
    return found;
  }

  /** The measure with its figures; with a reader who sees cases, the roster too, and their reads of the cases are audited. */
  async function viewOf(id: string, rosterReader?: Actor): Promise<MeasureView> {
    const { measure, participants } = await load(id);
    const loaded = (await participantsOf(participants)).filter((x): x is { p: Participation; agg: CaseAggregate } => Boolean(x.agg));
    const rows = loaded.map(({ p, agg }) => ({ r: row(measure, p, agg), agg }));
    const view: MeasureView = { ...measure, state: stateOf(measure, berlinDate(clock())), figures: measureFigures(rows.map(({ r, agg }) => facts(r, agg))) };
    if (!rosterReader) return withoutCounts(view);
    if (rows.length)
      await log.reads(
        rosterReader,
        'case',
        rows.map(({ r }) => r.caseId),
        ['firstName', 'lastName', 'status', 'modules', 'exam'],
        clock(),
      );
    return { ...view, roster: rows.map(({ r }) => r).sort((a, b) => a.name.localeCompare(b.name, 'de')) };
  }

  /** Starts the job that takes one step on each listed case of the measure. */
  async function startJob(m: Measure, kind: 'measure-step' | 'measure-plan', title: string, caseIds: string[], params: Job['params'], actor: Actor) {
    const now = clock();
    const job = newJob({
      kind,
      subject: { type: 'measure', id: m.id },
      title,
      params: { ...params, caseIds, actorId: actor.id, actorEmail: actor.email, actorRoles: [...actor.roles] },
      actor,
      now,
    });
    const change = writeSet(db).audit(actor, 'update', 'measure', m.id, [`${kind}:${caseIds.length}`], now);
    jobRepository(db).start(job, change);
    await change.commit();
    return job.id;
  }

  return {
    repo,
    async list(q: MeasureListQuery, actor: Actor): Promise<Page<MeasureListItem>> {
      const page = await repo.list(q.cursor, q.limit);
      return seesCases(actor.roles) ? page : { ...page, items: page.items.map(withoutCounts) };
    },

    /** The measure with its figures; with the roster for those who see cases (their reads of the cases are audited). */
    async get(id: string, actor: Actor): Promise<MeasureView> {
      const { measure, participants } = await load(id);
      const loaded = (await participantsOf(participants)).filter((x): x is { p: Participation; agg: CaseAggregate } => Boolean(x.agg));
      const rows = loaded.map(({ p, agg }) => ({ r: row(measure, p, agg), agg }));
      const today = berlinDate(clock());
      const view: MeasureView = { ...measure, state: stateOf(measure, today), figures: measureFigures(rows.map(({ r, agg }) => facts(r, agg))) };
      if (!seesCases(actor.roles)) return withoutCounts(view);
      if (rows.length)
        await log.reads(
          actor,
          'case',
          rows.map(({ r }) => r.caseId),
          ['firstName', 'lastName', 'status', 'modules', 'exam'],
          clock(),
        );
      return { ...view, roster: rows.map(({ r }) => r).sort((a, b) => a.name.localeCompare(b.name, 'de')) };
    },

    /** The measure as those who do not see cases read it: its figures, no roster, no raw counts (the evaluation sheet's content). */
    figuresOnly: (id: string) => viewOf(id),

    async create(input: MeasureInput, actor: Actor): Promise<Measure> {
      const now = clock();
      const measure: Measure = {
        ...(await resolve(input)),
        id: ulid(now.getTime()),
        version: 1,
        joined: 0,
        active: 0,
        createdBy: actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await repo.create(measure, writeSet(db).audit(actor, 'create', 'measure', measure.id, Object.keys(input).sort(), now)).commit();
      return measure;
    },

    /** A changed shared plan reaches every participant still in: their linked modules follow, as a job. */
    async update(id: string, input: MeasureUpdate, actor: Actor): Promise<Measure & { jobId?: string }> {
      const { measure: before, participants } = await load(id);
      if (before.version !== input.version)
        throw new Conflict('Die Maßnahme wurde inzwischen geändert. Bitte neu laden.', 'version_conflict', [{ path: 'version', message: 'veraltete Version' }]);
      const { version, ...fields } = input;
      const now = clock();
      const after: Measure = { ...before, ...(await resolve(fields, before)), version: version + 1, updatedAt: now.toISOString() };
      if (!fields.examDate) delete after.examDate;
      if (!fields.chamber) delete after.chamber;
      if (!fields.description) delete after.description;
      await repo.replace(after, version, writeSet(db).audit(actor, 'update', 'measure', id, changedFields(before, after), now)).commit();
      const planChanged = JSON.stringify(before.modules) !== JSON.stringify(after.modules) || before.companyName !== after.companyName;
      const active = participants.filter((p) => !p.leftOn).map((p) => p.caseId);
      if (!planChanged || !active.length) return after;
      const jobId = await startJob(
        after,
        'measure-plan',
        `Plan von „${after.title}“ an ${active.length} Teilnehmende`,
        active,
        { version: String(after.version) },
        actor,
      );
      return { ...after, jobId };
    },

    /**
     * Cases join: each gets the measure's modules in its plan, linked, in one transaction with its participation.
     * Every case is checked first, so a refusal names the case and changes none.
     */
    async join(id: string, input: JoinInput, actor: Actor): Promise<MeasureView> {
      const { measure, participants } = await load(id);
      const ids = [...new Set(input.caseIds)];
      const aggs = await mapLimit(ids, 8, (caseId) => cases.repo.load(caseId).catch(() => undefined));
      const errors: FieldError[] = [];
      ids.forEach((caseId, i) => {
        const agg = aggs[i];
        const path = `caseIds.${input.caseIds.indexOf(caseId)}`;
        if (!agg) errors.push({ path, message: 'unbekannter Fall' });
        else if (agg.case.anonymisedAt) errors.push({ path, message: 'der Fall ist anonymisiert' });
        else if (CLOSED.includes(agg.case.status)) errors.push({ path, message: `Fall ${agg.case.number} ist abgeschlossen` });
        else if (participants.some((p) => p.caseId === caseId && !p.leftOn)) errors.push({ path, message: `Fall ${agg.case.number} nimmt schon teil` });
        else if (measure.modules.length && !agg.case.consent?.scope.includes('share_with_partners'))
          errors.push({
            path,
            message: `Fall ${agg.case.number}: die Bausteine beim Bildungsträger brauchen die Einwilligung „Weitergabe an Netzwerkpartner“`,
          });
      });
      if (errors.length) throw new Invalid(errors);
      for (const [i, caseId] of ids.entries()) {
        const rejoin = participants.some((p) => p.caseId === caseId);
        await children.changeModules(
          caseId,
          (agg) => ({ add: planSync(measure, agg).add, update: [], remove: [] }),
          actor,
          `Gruppenmaßnahme „${measure.title}“ beigetreten`,
          (ws) => {
            repo.putParticipation({ measureId: id, caseId, caseNumber: aggs[i]!.case.number, joinedOn: input.joinedOn }, ws);
            ws.update(repo.key(id), { add: { joined: rejoin ? 0 : 1, active: 1 } });
          },
        );
      }
      return this.get(id, actor);
    },

    /** A person leaves: the open linked modules end as dropped, what they completed stays. */
    async leave(id: string, caseId: string, input: LeaveInput, actor: Actor): Promise<MeasureView> {
      const { measure, participants } = await load(id);
      const p = participants.find((x) => x.caseId === caseId);
      if (!p) throw new NotFound('Der Fall nimmt an dieser Maßnahme nicht teil.');
      if (p.leftOn) throw new Conflict('Der Fall hat die Maßnahme bereits verlassen.', 'already_left');
      if (input.leftOn < p.joinedOn) throw new Invalid([{ path: 'leftOn', message: 'liegt vor dem Beitritt' }]);
      await children
        .changeModules(
          caseId,
          (agg) => ({
            add: [],
            update: linked(agg, id)
              .filter((x) => open(x.status))
              .map(({ id: mid, version: _v, createdAt: _c, updatedAt: _u, ...x }) => ({ id: mid, fields: { ...x, status: 'dropped' as const } })),
            remove: [],
          }),
          actor,
          `Gruppenmaßnahme „${measure.title}“ verlassen: ${input.reason}`,
          (ws) => {
            repo.putParticipation({ ...p, leftOn: input.leftOn, leftReason: input.reason }, ws);
            ws.update(repo.key(id), { add: { active: -1 } });
          },
        )
        .then((changed) => {
          if (changed) return;
          // Nothing open to end: the participation alone changes.
          const ws = writeSet(db);
          repo.putParticipation({ ...p, leftOn: input.leftOn, leftReason: input.reason }, ws);
          ws.update(repo.key(id), { add: { active: -1 } });
          return ws.audit(actor, 'update', 'case', caseId, ['measure.left'], clock()).commit();
        });
      return this.get(id, actor);
    },

    /** A step for the roster (or a selection of it), as one job: each case gets its own change, history line and audit entry. */
    async step(id: string, input: StepInput, actor: Actor): Promise<{ jobId: string; total: number }> {
      const { measure, participants } = await load(id);
      const active = participants.filter((p) => !p.leftOn).map((p) => p.caseId);
      const chosen = input.caseIds ?? active;
      const errors: FieldError[] = [];
      chosen.forEach((c, i) => {
        if (!active.includes(c)) errors.push({ path: `caseIds.${i}`, message: 'nimmt an der Maßnahme nicht (mehr) teil' });
      });
      const module = input.kind === 'module_completed' ? measure.modules.find((m) => m.id === input.moduleId) : undefined;
      if (input.kind === 'module_completed' && !module) errors.push({ path: 'moduleId', message: 'kein Baustein dieser Maßnahme' });
      if (!chosen.length) errors.push({ path: 'caseIds', message: 'niemand nimmt an der Maßnahme teil' });
      if (errors.length) throw new Invalid(errors);
      const { caseIds: _c, ...step } = input;
      const what =
        input.kind === 'module_completed'
          ? `Zertifikat „${module!.title}“`
          : input.kind === 'exam_registered'
            ? 'Prüfungsanmeldung'
            : input.kind === 'admission'
              ? 'Zulassung'
              : 'Prüfungsergebnis';
      const jobId = await startJob(
        measure,
        'measure-step',
        `${what}: ${measure.title}`,
        [...new Set(chosen)],
        Object.fromEntries(Object.entries(step).map(([k, v]) => [k, String(v)])),
        actor,
      );
      return { jobId, total: new Set(chosen).size };
    },
  };
}
export type MeasuresService = ReturnType<typeof measuresService>;
