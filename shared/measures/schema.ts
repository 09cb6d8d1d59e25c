// Group measures (Gruppenmaßnahmen): a cohort qualifies together towards one occupation at a partner company, with a
// shared module plan and one exam. Each participant keeps their own case; joining links the measure's modules into it.
import * as z from 'zod/mini';
import { ADMISSIONS, MODULE_KINDS, RESULTS } from '../cases/schema.ts';
import { id, isoDate, optionalText, pageQuery, recordMeta, text } from '../schema-kit.ts';

/** One module of the shared plan; its id stays when dates change, so every participant's linked module follows. */
export const MeasureModuleInput = z
  .strictObject({
    id: z.optional(id),
    title: text(200),
    kind: z._default(z.enum(MODULE_KINDS), 'qualification_module'),
    startDate: isoDate,
    endDate: isoDate,
    hours: z.number().check(z.int()).check(z.gte(1, 'mindestens 1 Stunde')).check(z.lte(2000, 'höchstens 2000 Stunden')),
    /** A training provider of the network, when not the measure's own. */
    providerMemberId: z.optional(id),
  })
  .check(z.refine((m) => m.startDate <= m.endDate, { path: ['endDate'], message: 'Ende liegt vor dem Beginn' }))
  .check(
    z.refine((m) => m.kind !== 'qualification_module' || (m.hours >= 140 && m.hours <= 420), {
      path: ['hours'],
      message: 'ein Qualifizierungsbaustein hat 140 bis 420 Stunden',
    }),
  );
export type MeasureModuleInput = z.infer<typeof MeasureModuleInput>;

const fields = {
  title: text(200),
  targetOccupationId: z.string().check(z.minLength(1)).check(z.maxLength(80)),
  /** The partner company as learning venue. */
  companyId: id,
  /** The learning-venue agreement with that company the measure uses. */
  agreementId: z.optional(id),
  providerMemberId: id,
  startDate: isoDate,
  endDate: isoDate,
  plannedPlaces: z.number().check(z.int()).check(z.gte(1)).check(z.lte(200)),
  /** Places meant for women, as a share in percent (a service-sector measure: 50). */
  womenTargetPercent: z._default(z.number().check(z.int()).check(z.gte(0)).check(z.lte(100)), 0),
  modules: z._default(z.array(MeasureModuleInput).check(z.maxLength(20)), []),
  examDate: z.optional(isoDate),
  chamber: optionalText(200),
  description: optionalText(2000),
};

const dated = <T extends z.ZodMiniObject<{ startDate: z.ZodMiniISODate; endDate: z.ZodMiniISODate; examDate: z.ZodMiniOptional<z.ZodMiniISODate> }>>(s: T): T =>
  s.check(
    z.refine((m: { startDate: string; endDate: string; examDate?: string | undefined }) => m.startDate <= m.endDate, {
      path: ['endDate'],
      message: 'Ende liegt vor dem Beginn',
    }),
    z.refine((m: { startDate: string; examDate?: string | undefined }) => !m.examDate || m.examDate >= m.startDate, {
      path: ['examDate'],
      message: 'die Prüfung liegt vor dem Beginn',
    }),
  );

export const MeasureInput = dated(z.strictObject(fields)).clone().register(z.globalRegistry, { id: 'MeasureInput' });
export type MeasureInput = z.infer<typeof MeasureInput>;
export const MeasureUpdate = dated(z.strictObject({ ...fields, version: recordMeta.version }))
  .clone()
  .register(z.globalRegistry, { id: 'MeasureUpdate' });
export type MeasureUpdate = z.infer<typeof MeasureUpdate>;

export const MeasureModule = z.object({
  id,
  title: z.string(),
  kind: z.enum(MODULE_KINDS),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().check(z.int()),
  providerMemberId: z.optional(id),
});
export type MeasureModule = z.infer<typeof MeasureModule>;

export const MEASURE_STATES = ['planned', 'running', 'finished'] as const;

/** Planned before its start, finished after its end (or its exam, when later), running in between. */
export const stateOf = (m: { startDate: string; endDate: string; examDate?: string | undefined }, today: string): (typeof MEASURE_STATES)[number] =>
  today < m.startDate ? 'planned' : today > (m.examDate && m.examDate > m.endDate ? m.examDate : m.endDate) ? 'finished' : 'running';

export const Measure = z
  .object({
    ...recordMeta,
    title: z.string(),
    targetOccupationId: z.string(),
    targetOccupation: z.object({ id: z.string(), code: z.string(), title: z.string(), chamber: z.string() }),
    companyId: id,
    companyName: z.string(),
    agreementId: z.optional(id),
    providerMemberId: id,
    providerName: z.string(),
    startDate: isoDate,
    endDate: isoDate,
    plannedPlaces: z.number().check(z.int()),
    womenTargetPercent: z.number().check(z.int()),
    modules: z.array(MeasureModule),
    examDate: z.optional(isoDate),
    chamber: z.optional(z.string()),
    description: z.optional(z.string()),
    /** Participants who joined, and who are still in (not left). */
    joined: z.number().check(z.int()).check(z.gte(0)),
    active: z.number().check(z.int()).check(z.gte(0)),
    createdBy: z.string(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'Measure' });
export type Measure = z.infer<typeof Measure>;

/** A case's membership of a measure: when it joined and when (and why) it left. No name: the case holds the person. */
export const Participation = z.object({
  measureId: id,
  caseId: id,
  /** The case number (a pseudonym, no name): what the job's progress lists. */
  caseNumber: z.string(),
  joinedOn: isoDate,
  leftOn: z.optional(isoDate),
  leftReason: z.optional(z.string()),
});
export type Participation = z.infer<typeof Participation>;

export const MeasureListQuery = z.strictObject({ ...pageQuery });
export type MeasureListQuery = z.infer<typeof MeasureListQuery>;

export const JoinInput = z
  .strictObject({ caseIds: z.array(id).check(z.minLength(1, 'mindestens ein Fall')).check(z.maxLength(60)), joinedOn: isoDate })
  .clone()
  .register(z.globalRegistry, { id: 'MeasureJoin' });
export type JoinInput = z.infer<typeof JoinInput>;

export const LeaveInput = z
  .strictObject({ leftOn: isoDate, reason: text(300) })
  .clone()
  .register(z.globalRegistry, { id: 'MeasureLeave' });
export type LeaveInput = z.infer<typeof LeaveInput>;

export const STEP_KINDS = ['module_completed', 'exam_registered', 'admission', 'result'] as const;
/** A step for the whole roster or a selection: each case gets it as its own entry (history, audit), in one job. */
export const StepInput = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('module_completed'), moduleId: id, certificateDate: isoDate, caseIds: z.optional(z.array(id).check(z.maxLength(60))) }),
    z.strictObject({ kind: z.literal('exam_registered'), applicationDate: isoDate, caseIds: z.optional(z.array(id).check(z.maxLength(60))) }),
    z.strictObject({
      kind: z.literal('admission'),
      admission: z.enum(ADMISSIONS),
      admissionDate: isoDate,
      caseIds: z.optional(z.array(id).check(z.maxLength(60))),
    }),
    z.strictObject({ kind: z.literal('result'), finalResult: z.enum(RESULTS), finalDate: isoDate, caseIds: z.optional(z.array(id).check(z.maxLength(60))) }),
  ])
  .clone()
  .register(z.globalRegistry, { id: 'MeasureStep' });
export type StepInput = z.infer<typeof StepInput>;

/** A published count: the number, or "<3" when the report's disclosure control hides it. */
const cell = z.union([z.number().check(z.int()).check(z.gte(0)), z.literal('<3')]);

/**
 * The measure's figures: what coordinators see. Each split of the participants (still in or left; passed, failed or
 * no result; women; migration background) is suppressed like the report's breakdowns, so no hidden cell can be
 * worked out from the number who joined; a share is shown only beside a shown count.
 */
export const MeasureFigures = z
  .object({
    joined: cell,
    active: cell,
    left: cell,
    /** Of everyone who joined, the share still in or finished (percent). */
    retentionPercent: z.nullable(z.number()),
    passed: cell,
    failed: cell,
    /** Passed of those with a result (percent). */
    passRatePercent: z.nullable(z.number()),
    women: cell,
    womenPercent: z.nullable(z.number()),
    migration: cell,
    migrationPercent: z.nullable(z.number()),
    modulesCompleted: z.number().check(z.int()),
    hoursCompleted: z.number().check(z.int()),
  })
  .clone()
  .register(z.globalRegistry, { id: 'MeasureFigures' });
export type MeasureFigures = z.infer<typeof MeasureFigures>;

/** One person on the roster (counsellors and admins only): stage, completed modules and hours, exam. */
export const RosterRow = z.object({
  caseId: id,
  number: z.string(),
  name: z.string(),
  status: z.string(),
  joinedOn: isoDate,
  leftOn: z.optional(isoDate),
  leftReason: z.optional(z.string()),
  modulesCompleted: z.number().check(z.int()),
  modulesTotal: z.number().check(z.int()),
  hoursCompleted: z.number().check(z.int()),
  applicationDate: z.optional(isoDate),
  admission: z.optional(z.enum(ADMISSIONS)),
  finalResult: z.optional(z.enum(RESULTS)),
  anonymised: z.boolean(),
});
export type RosterRow = z.infer<typeof RosterRow>;

/** A measure as listed: coordinators get the counts only through the figures, with their disclosure control. */
export const MeasureListItem = z
  .extend(Measure, { joined: z.optional(z.number().check(z.int()).check(z.gte(0))), active: z.optional(z.number().check(z.int()).check(z.gte(0))) })
  .clone()
  .register(z.globalRegistry, {
    id: 'MeasureListItem',
  });
export type MeasureListItem = z.infer<typeof MeasureListItem>;

export const MeasureView = z
  .extend(MeasureListItem, {
    state: z.enum(MEASURE_STATES),
    figures: MeasureFigures,
    /** Only for counsellors and admins; coordinators see the figures alone. */
    roster: z.optional(z.array(RosterRow)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'MeasureView' });
export type MeasureView = z.infer<typeof MeasureView>;
