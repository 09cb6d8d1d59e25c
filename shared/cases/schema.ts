// Cases (Fälle): the participant, the programme and the children, one zod schema each for API, forms and OpenAPI.
import * as z from 'zod/mini';
import { DISTRICTS } from '../regions.ts';
import { id, isoDate, isoDateTime, optionalText, pageQuery, phone, recordMeta, text } from '../schema-kit.ts';

export const GENDERS = ['female', 'male', 'diverse', 'not_stated'] as const;
export const MIGRATION = ['yes', 'no', 'not_stated'] as const;
export const CEFR = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const SCHOOL_CERTIFICATES = [
  'none',
  'berufsreife',
  'mittlere_reife',
  'fachhochschulreife',
  'abitur',
  'foreign_recognised',
  'foreign_not_recognised',
] as const;
export const REGISTRATIONS = ['job_agency', 'job_centre', 'none'] as const;
export const CONSENT_SCOPES = ['counselling', 'share_with_partners', 'job_placement'] as const;

export const kldbCode = z.string().check(z.regex(/^\d{5}$/, 'fünfstelliger KldB-2010-Code'));

export const WorkExperience = z.strictObject({
  occupationCode: kldbCode,
  description: optionalText(200),
  months: z.number().check(z.int()).check(z.gte(1)).check(z.lte(600)),
  weeklyHours: z.number().check(z.gte(1)).check(z.lte(60)),
  /** Work abroad counts towards § 45(2) BBiG like work here; the case shows it apart. */
  abroad: z._default(z.boolean(), false),
});

export const Participant = z.strictObject({
  firstName: text(80),
  lastName: text(80),
  birthDate: z.optional(isoDate),
  gender: z._default(z.enum(GENDERS), 'not_stated'),
  email: z.optional(z.email().check(z.maxLength(254))),
  phone: z.optional(phone),
  street: optionalText(120),
  postcode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'fünf Ziffern'))),
  city: optionalText(80),
  district: z.optional(z.enum(DISTRICTS)),
  migrationBackground: z._default(z.enum(MIGRATION), 'not_stated'),
  languages: z._default(z.array(z.strictObject({ language: text(40), level: z.enum(CEFR) })).check(z.maxLength(10)), []),
  germanLevel: z.optional(z.enum(CEFR)),
  schoolCertificate: z.optional(z.enum(SCHOOL_CERTIFICATES)),
  priorTraining: optionalText(500),
  workExperience: z._default(z.array(WorkExperience).check(z.maxLength(20)), []),
  registration: z._default(z.enum(REGISTRATIONS), 'none'),
  customerNumber: optionalText(30),
  /** The person's case number in the database the programme kept before (the case import); it goes with anonymisation. */
  formerNumber: optionalText(40),
  drivingLicence: z._default(z.boolean(), false),
  car: z._default(z.boolean(), false),
  districtsReachable: z._default(z.array(z.enum(DISTRICTS)).check(z.maxLength(DISTRICTS.length)), []),
  hoursAvailable: z.optional(z.number().check(z.int()).check(z.gte(1)).check(z.lte(60))),
});
export type Participant = z.infer<typeof Participant>;

/**
 * What may be stored before consent is recorded: the inquiry's minimal data (and, for an imported inquiry, the number
 * it had before, which only says where the staff kept it).
 */
export const INQUIRY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'postcode', 'formerNumber'] as const;

export const Consent = z.strictObject({
  givenOn: z.optional(isoDate),
  scope: z._default(z.array(z.enum(CONSENT_SCOPES)).check(z.maxLength(CONSENT_SCOPES.length)), []),
  withdrawnOn: z.optional(isoDate),
});
export type Consent = z.infer<typeof Consent>;

export const CaseInput = z
  .strictObject({
    participant: Participant,
    consent: z._default(Consent, { scope: [] }),
    targetOccupationId: z.optional(z.string().check(z.maxLength(80))),
    counsellorId: z.optional(z.string().check(z.maxLength(64))),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseInput' });
export type CaseInput = z.infer<typeof CaseInput>;

export const CaseUpdate = z.safeExtend(CaseInput, { version: recordMeta.version }).clone().register(z.globalRegistry, { id: 'CaseUpdate' });
export type CaseUpdate = z.infer<typeof CaseUpdate>;

export const TargetOccupation = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  months: z.number(),
  chamber: z.string(),
  competentBody: z.optional(z.string()),
});
export type TargetOccupation = z.infer<typeof TargetOccupation>;

export const CASE_STATUSES = ['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam', 'qualified', 'paused', 'dropped', 'referred'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseRecord = z.object({
  ...recordMeta,
  number: z.string(),
  participant: z.extend(z.partial(Participant), { firstName: z.string(), lastName: z.string() }),
  consent: Consent,
  targetOccupation: z.optional(TargetOccupation),
  counsellorId: z.string(),
  status: CaseStatus,
  statusSince: isoDateTime,
  /** The stage a paused case returns to. */
  pausedFrom: z.optional(CaseStatus),
  nextFollowUp: z.optional(isoDate),
  closedAt: z.optional(isoDateTime),
  anonymisedAt: z.optional(isoDateTime),
  /** Set when an anonymisation started and not yet finished: the retention job (or the button again) finishes it. */
  anonymising: z.optional(z.object({ reason: z.enum(['consent_withdrawn', 'retention']), since: isoDateTime })),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

// ── Children ─────────────────────────────────────────────────────
export const SESSION_KINDS = ['first_talk', 'counselling', 'competence_assessment', 'coaching'] as const;
export const SessionInput = z
  .strictObject({
    date: isoDate,
    kind: z.enum(SESSION_KINDS),
    minutes: z.number().check(z.int()).check(z.gte(5)).check(z.lte(600)),
    notes: optionalText(4000),
    nextSteps: optionalText(1000),
    followUp: z.optional(isoDate),
    followUpDone: z._default(z.boolean(), false),
  })
  .clone()
  .register(z.globalRegistry, { id: 'SessionInput' });

export const MODULE_STATUSES = ['planned', 'running', 'completed', 'dropped'] as const;
/** Qualifizierungsbaustein (§ 69 BBiG, 140–420 h), Ausbildungsbaustein, Anpassungsqualifizierung (BQFG), Prüfungsvorbereitung. */
export const MODULE_KINDS = ['qualification_module', 'training_module', 'adaptation', 'exam_preparation'] as const;
export const ModuleInput = z
  .strictObject({
    title: text(200),
    kind: z._default(z.enum(MODULE_KINDS), 'qualification_module'),
    providerMemberId: z.optional(id),
    providerName: optionalText(200),
    venueCompany: optionalText(200),
    startDate: z.optional(isoDate),
    endDate: z.optional(isoDate),
    hours: z.number().check(z.int()).check(z.gte(1, 'mindestens 1 Stunde')).check(z.lte(2000, 'höchstens 2000 Stunden')),
    status: z._default(z.enum(MODULE_STATUSES), 'planned'),
    certificateDate: z.optional(isoDate),
    /** The catalogue offer the module was taken from. */
    offerId: z.optional(id),
    /** The learning-venue agreement (Lernortkooperation) whose company hosts the module. */
    agreementId: z.optional(id),
    /** An adaptation module answers substantial differences of the recognition decision (their ids). */
    closesDifferences: z._default(z.array(id).check(z.maxLength(20)), []),
    /** A module of a group measure's shared plan: the measure and its module, whose dates it follows. */
    measureId: z.optional(id),
    measureModuleId: z.optional(id),
  })
  .check(z.refine((m) => !m.measureModuleId === !m.measureId, { path: ['measureModuleId'], message: 'gehört zu einer Gruppenmaßnahme' }))
  .check(z.refine((m) => m.kind !== 'qualification_module' || m.hours >= 140, { path: ['hours'], message: 'mindestens 140 Stunden' }))
  .check(z.refine((m) => m.kind !== 'qualification_module' || m.hours <= 420, { path: ['hours'], message: 'höchstens 420 Stunden' }))
  .check(
    z.refine((m) => m.kind === 'adaptation' || m.closesDifferences.length === 0, {
      path: ['closesDifferences'],
      message: 'nur eine Anpassungsqualifizierung schließt Unterschiede',
    }),
  )
  .check(z.refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, { path: ['endDate'], message: 'Ende liegt vor dem Beginn' }))
  .check(z.refine((m) => !m.certificateDate || m.status === 'completed', { path: ['certificateDate'], message: 'nur bei abgeschlossenem Baustein' }))
  .clone()
  .register(z.globalRegistry, { id: 'ModuleInput' });

export const FUNDING_SOURCES = ['voucher_81_sgb3', 'job_centre_16_sgb2', 'qcg_82_sgb3', 'recognition_grant', 'employer', 'esf', 'self', 'other'] as const;
export const FundingInput = z
  .strictObject({
    source: z.enum(FUNDING_SOURCES),
    voucherNumber: optionalText(40),
    validFrom: z.optional(isoDate),
    validTo: z.optional(isoDate),
    amountEuro: z.optional(z.number().check(z.gte(0)).check(z.lte(100_000))),
    approvedOn: z.optional(isoDate),
  })
  .check(z.refine((f) => !f.validFrom || !f.validTo || f.validFrom <= f.validTo, { path: ['validTo'], message: 'Ende liegt vor dem Beginn' }))
  .clone()
  .register(z.globalRegistry, { id: 'FundingInput' });

export const ADMISSIONS = ['pending', 'admitted', 'refused', 'admitted_with_waiver'] as const;
export const RESULTS = ['passed', 'failed'] as const;
export const ExamInput = z
  .strictObject({
    applicationDate: z.optional(isoDate),
    admission: z._default(z.enum(ADMISSIONS), 'pending'),
    admissionDate: z.optional(isoDate),
    waiverRequested: z._default(z.boolean(), false),
    part1Date: z.optional(isoDate),
    part1Result: z.optional(z.enum(RESULTS)),
    finalDate: z.optional(isoDate),
    finalResult: z.optional(z.enum(RESULTS)),
  })
  .check(
    z.refine((e) => !e.finalResult || e.admission === 'admitted' || e.admission === 'admitted_with_waiver', {
      path: ['finalResult'],
      message: 'ein Ergebnis setzt die Zulassung voraus',
    }),
  )
  .clone()
  .register(z.globalRegistry, { id: 'ExamInput' });

export const EMPLOYMENT_KINDS = ['permanent', 'fixed_term', 'temporary_agency', 'self_employed', 'none'] as const;
export const OutcomeInput = z
  .strictObject({
    qualificationDate: z.optional(isoDate),
    employer: optionalText(200),
    employmentStart: z.optional(isoDate),
    employmentKind: z.optional(z.enum(EMPLOYMENT_KINDS)),
  })
  .clone()
  .register(z.globalRegistry, { id: 'OutcomeInput' });

// ── Recognition of foreign qualifications (BQFG) ─────────────────
export const QUALIFICATION_DOCUMENTS = ['certificate', 'transcript', 'translation', 'identity', 'work_references', 'cv', 'name_change'] as const;
/** A qualification gained abroad, and which of its documents the person holds (a checklist; nothing is uploaded). */
export const ForeignQualificationInput = z
  .strictObject({
    country: text(60),
    originalTitle: text(200),
    germanTitle: optionalText(200),
    year: z.number().check(z.int()).check(z.gte(1950)).check(z.lte(2100)),
    durationMonths: z.number().check(z.int()).check(z.gte(1)).check(z.lte(120)),
    documents: z._default(z.array(z.enum(QUALIFICATION_DOCUMENTS)).check(z.maxLength(QUALIFICATION_DOCUMENTS.length)), []),
  })
  .clone()
  .register(z.globalRegistry, { id: 'ForeignQualificationInput' });
export type ForeignQualificationInput = z.infer<typeof ForeignQualificationInput>;

export const RECOGNITION_DECISIONS = ['pending', 'full', 'partial', 'none'] as const;
export const APPEAL_OUTCOMES = ['pending', 'granted', 'rejected'] as const;
/** A substantial difference (wesentlicher Unterschied) of a partial decision; a new one gets its id on saving. */
export const Difference = z.strictObject({ id: z.optional(id), title: text(200), description: optionalText(1000) });
export const RecognitionInput = z
  .strictObject({
    referenceOccupationId: z.string().check(z.minLength(1)).check(z.maxLength(80)),
    /** Absent: IHK FOSA for IHK occupations, the Handwerkskammer for crafts, otherwise the occupation's competent body. */
    competentBody: optionalText(160),
    appliedOn: z.optional(isoDate),
    fileCompleteOn: z.optional(isoDate),
    decidedOn: z.optional(isoDate),
    decision: z._default(z.enum(RECOGNITION_DECISIONS), 'pending'),
    differences: z._default(z.array(Difference).check(z.maxLength(20)), []),
    appeal: z.optional(z.strictObject({ filedOn: isoDate, outcome: z._default(z.enum(APPEAL_OUTCOMES), 'pending'), decidedOn: z.optional(isoDate) })),
  })
  .check(
    z.refine((r) => !r.fileCompleteOn || (Boolean(r.appliedOn) && r.appliedOn! <= r.fileCompleteOn), {
      path: ['fileCompleteOn'],
      message: 'liegt vor dem Antrag',
    }),
  )
  .check(z.refine((r) => r.decision === 'pending' || Boolean(r.decidedOn), { path: ['decidedOn'], message: 'Datum des Bescheids fehlt' }))
  .check(z.refine((r) => !r.decidedOn || (Boolean(r.appliedOn) && r.appliedOn! <= r.decidedOn), { path: ['decidedOn'], message: 'liegt vor dem Antrag' }))
  .check(z.refine((r) => r.decision === 'partial' || r.differences.length === 0, { path: ['differences'], message: 'nur bei teilweiser Gleichwertigkeit' }))
  .check(
    z.refine((r) => r.decision !== 'partial' || r.differences.length > 0, { path: ['differences'], message: 'bitte die wesentlichen Unterschiede nennen' }),
  )
  .check(
    z.refine((r) => !r.appeal || r.decision === 'partial' || r.decision === 'none', {
      path: ['appeal'],
      message: 'Widerspruch nur gegen einen ablehnenden Bescheid',
    }),
  )
  .check(
    z.refine((r) => !r.appeal?.decidedOn || r.appeal.filedOn <= r.appeal.decidedOn, { path: ['appeal', 'decidedOn'], message: 'liegt vor dem Widerspruch' }),
  )
  .clone()
  .register(z.globalRegistry, { id: 'RecognitionInput' });
export type RecognitionInput = z.infer<typeof RecognitionInput>;

/** The procedure as stored: the input with the reference occupation and the competent body resolved, differences with ids. */
export type RecognitionRecord = Omit<RecognitionInput, 'referenceOccupationId' | 'competentBody' | 'differences'> & {
  referenceOccupation: { id: string; code: string; title: string; chamber: string };
  competentBody: string;
  differences: { id: string; title: string; description?: string }[];
};

export const CHILD_KINDS = ['sessions', 'modules', 'fundings', 'qualifications'] as const;
export type ChildKind = (typeof CHILD_KINDS)[number];
export const CHILD_SCHEMAS = { sessions: SessionInput, modules: ModuleInput, fundings: FundingInput, qualifications: ForeignQualificationInput } as const;
export type SessionInput = z.infer<typeof SessionInput>;
export type ModuleInput = z.infer<typeof ModuleInput>;
export type FundingInput = z.infer<typeof FundingInput>;
export type ExamInput = z.infer<typeof ExamInput>;
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export type Child<T> = T & { id: string; version: number; createdAt: string; updatedAt: string };

export const MoveInput = z
  .strictObject({ to: CaseStatus, reason: optionalText(500), version: recordMeta.version })
  .clone()
  .register(z.globalRegistry, { id: 'CaseMove' });
export type MoveInput = z.infer<typeof MoveInput>;

const caseListFields = {
  view: z._default(z.enum(['updated', 'status', 'counsellor', 'followups', 'name']), 'updated'),
  status: z.optional(CaseStatus),
  counsellorId: z.optional(z.string().check(z.maxLength(64))),
  dueBy: z.optional(isoDate),
};

/** A list of cases by a view: nothing in it names a person, so it may travel in a query string. */
export const CaseListQuery = z.strictObject({ ...caseListFields, ...pageQuery });

/** A search by name prefix or case number: sent as a request body (POST), so no name lands in a URL or access log. */
export const CaseSearch = z
  .strictObject({
    ...caseListFields,
    q: z.optional(z.string().check(z.trim()).check(z.maxLength(80))),
    number: z.optional(z.string().check(z.regex(/^\d{4}-\d{4}$/, 'Fallnummer wie 2026-0042'))),
    cursor: pageQuery.cursor,
    limit: z._default(z.number().check(z.int()).check(z.gte(1)).check(z.lte(100)), 25),
  })
  .clone()
  .register(z.globalRegistry, { id: 'CaseSearch' });
export type CaseListQuery = z.infer<typeof CaseSearch>;

/** The duplicate check before a case is saved: name and birth date, in a request body. */
export const DuplicateCheck = z
  .strictObject({ firstName: text(80), lastName: text(80), birthDate: isoDate })
  .clone()
  .register(z.globalRegistry, { id: 'CaseDuplicateCheck' });
