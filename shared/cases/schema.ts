// Cases (Fälle): the participant, the programme and the children, one zod schema each for API, forms and OpenAPI.
import * as z from 'zod';
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

export const kldbCode = z.string().regex(/^\d{5}$/, 'fünfstelliger KldB-2010-Code');

export const WorkExperience = z.strictObject({
  occupationCode: kldbCode,
  description: optionalText(200),
  months: z.number().int().min(1).max(600),
  weeklyHours: z.number().min(1).max(60),
  /** Work abroad counts towards § 45(2) BBiG like work here; the case shows it apart. */
  abroad: z.boolean().default(false),
});

export const Participant = z.strictObject({
  firstName: text(80),
  lastName: text(80),
  birthDate: isoDate.optional(),
  gender: z.enum(GENDERS).default('not_stated'),
  email: z.email().max(254).optional(),
  phone: phone.optional(),
  street: optionalText(120),
  postcode: z
    .string()
    .regex(/^\d{5}$/, 'fünf Ziffern')
    .optional(),
  city: optionalText(80),
  district: z.enum(DISTRICTS).optional(),
  migrationBackground: z.enum(MIGRATION).default('not_stated'),
  languages: z
    .array(z.strictObject({ language: text(40), level: z.enum(CEFR) }))
    .max(10)
    .default([]),
  germanLevel: z.enum(CEFR).optional(),
  schoolCertificate: z.enum(SCHOOL_CERTIFICATES).optional(),
  priorTraining: optionalText(500),
  workExperience: z.array(WorkExperience).max(20).default([]),
  registration: z.enum(REGISTRATIONS).default('none'),
  customerNumber: optionalText(30),
  /** The person's case number in the database the programme kept before (the case import); it goes with anonymisation. */
  formerNumber: optionalText(40),
  drivingLicence: z.boolean().default(false),
  car: z.boolean().default(false),
  districtsReachable: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).default([]),
  hoursAvailable: z.number().int().min(1).max(60).optional(),
});
export type Participant = z.infer<typeof Participant>;

/**
 * What may be stored before consent is recorded: the inquiry's minimal data (and, for an imported inquiry, the number
 * it had before, which only says where the staff kept it).
 */
export const INQUIRY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'postcode', 'formerNumber'] as const;

export const Consent = z.strictObject({
  givenOn: isoDate.optional(),
  scope: z.array(z.enum(CONSENT_SCOPES)).max(CONSENT_SCOPES.length).default([]),
  withdrawnOn: isoDate.optional(),
});
export type Consent = z.infer<typeof Consent>;

export const CaseInput = z
  .strictObject({
    participant: Participant,
    consent: Consent.default({ scope: [] }),
    targetOccupationId: z.string().max(80).optional(),
    counsellorId: z.string().max(64).optional(),
  })
  .meta({ id: 'CaseInput' });
export type CaseInput = z.infer<typeof CaseInput>;

export const CaseUpdate = CaseInput.safeExtend({ version: recordMeta.version }).meta({ id: 'CaseUpdate' });
export type CaseUpdate = z.infer<typeof CaseUpdate>;

export const TargetOccupation = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  months: z.number(),
  chamber: z.string(),
  competentBody: z.string().optional(),
});
export type TargetOccupation = z.infer<typeof TargetOccupation>;

export const CASE_STATUSES = ['inquiry', 'intake', 'counselling', 'plan', 'qualification', 'exam', 'qualified', 'paused', 'dropped', 'referred'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseRecord = z.object({
  ...recordMeta,
  number: z.string(),
  participant: Participant.partial().extend({ firstName: z.string(), lastName: z.string() }),
  consent: Consent,
  targetOccupation: TargetOccupation.optional(),
  counsellorId: z.string(),
  status: CaseStatus,
  statusSince: isoDateTime,
  /** The stage a paused case returns to. */
  pausedFrom: CaseStatus.optional(),
  nextFollowUp: isoDate.optional(),
  closedAt: isoDateTime.optional(),
  anonymisedAt: isoDateTime.optional(),
  /** Set when an anonymisation started and not yet finished: the retention job (or the button again) finishes it. */
  anonymising: z.object({ reason: z.enum(['consent_withdrawn', 'retention']), since: isoDateTime }).optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

// ── Children ─────────────────────────────────────────────────────
export const SESSION_KINDS = ['first_talk', 'counselling', 'competence_assessment', 'coaching'] as const;
export const SessionInput = z
  .strictObject({
    date: isoDate,
    kind: z.enum(SESSION_KINDS),
    minutes: z.number().int().min(5).max(600),
    notes: optionalText(4000),
    nextSteps: optionalText(1000),
    followUp: isoDate.optional(),
    followUpDone: z.boolean().default(false),
  })
  .meta({ id: 'SessionInput' });

export const MODULE_STATUSES = ['planned', 'running', 'completed', 'dropped'] as const;
/** Qualifizierungsbaustein (§ 69 BBiG, 140–420 h), Ausbildungsbaustein, Anpassungsqualifizierung (BQFG), Prüfungsvorbereitung. */
export const MODULE_KINDS = ['qualification_module', 'training_module', 'adaptation', 'exam_preparation'] as const;
export const ModuleInput = z
  .strictObject({
    title: text(200),
    kind: z.enum(MODULE_KINDS).default('qualification_module'),
    providerMemberId: id.optional(),
    providerName: optionalText(200),
    venueCompany: optionalText(200),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    hours: z.number().int().min(1, 'mindestens 1 Stunde').max(2000, 'höchstens 2000 Stunden'),
    status: z.enum(MODULE_STATUSES).default('planned'),
    certificateDate: isoDate.optional(),
    /** The catalogue offer the module was taken from. */
    offerId: id.optional(),
    /** The learning-venue agreement (Lernortkooperation) whose company hosts the module. */
    agreementId: id.optional(),
    /** An adaptation module answers substantial differences of the recognition decision (their ids). */
    closesDifferences: z.array(id).max(20).default([]),
    /** A module of a group measure's shared plan: the measure and its module, whose dates it follows. */
    measureId: id.optional(),
    measureModuleId: id.optional(),
  })
  .refine((m) => !m.measureModuleId === !m.measureId, { path: ['measureModuleId'], message: 'gehört zu einer Gruppenmaßnahme' })
  .refine((m) => m.kind !== 'qualification_module' || m.hours >= 140, { path: ['hours'], message: 'mindestens 140 Stunden' })
  .refine((m) => m.kind !== 'qualification_module' || m.hours <= 420, { path: ['hours'], message: 'höchstens 420 Stunden' })
  .refine((m) => m.kind === 'adaptation' || m.closesDifferences.length === 0, {
    path: ['closesDifferences'],
    message: 'nur eine Anpassungsqualifizierung schließt Unterschiede',
  })
  .refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, { path: ['endDate'], message: 'Ende liegt vor dem Beginn' })
  .refine((m) => !m.certificateDate || m.status === 'completed', { path: ['certificateDate'], message: 'nur bei abgeschlossenem Baustein' })
  .meta({ id: 'ModuleInput' });

export const FUNDING_SOURCES = ['voucher_81_sgb3', 'job_centre_16_sgb2', 'qcg_82_sgb3', 'recognition_grant', 'employer', 'esf', 'self', 'other'] as const;
export const FundingInput = z
  .strictObject({
    source: z.enum(FUNDING_SOURCES),
    voucherNumber: optionalText(40),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    amountEuro: z.number().min(0).max(100_000).optional(),
    approvedOn: isoDate.optional(),
  })
  .refine((f) => !f.validFrom || !f.validTo || f.validFrom <= f.validTo, { path: ['validTo'], message: 'Ende liegt vor dem Beginn' })
  .meta({ id: 'FundingInput' });

export const ADMISSIONS = ['pending', 'admitted', 'refused', 'admitted_with_waiver'] as const;
export const RESULTS = ['passed', 'failed'] as const;
export const ExamInput = z
  .strictObject({
    applicationDate: isoDate.optional(),
    admission: z.enum(ADMISSIONS).default('pending'),
    admissionDate: isoDate.optional(),
    waiverRequested: z.boolean().default(false),
    part1Date: isoDate.optional(),
    part1Result: z.enum(RESULTS).optional(),
    finalDate: isoDate.optional(),
    finalResult: z.enum(RESULTS).optional(),
  })
  .refine((e) => !e.finalResult || e.admission === 'admitted' || e.admission === 'admitted_with_waiver', {
    path: ['finalResult'],
    message: 'ein Ergebnis setzt die Zulassung voraus',
  })
  .meta({ id: 'ExamInput' });

export const EMPLOYMENT_KINDS = ['permanent', 'fixed_term', 'temporary_agency', 'self_employed', 'none'] as const;
export const OutcomeInput = z
  .strictObject({
    qualificationDate: isoDate.optional(),
    employer: optionalText(200),
    employmentStart: isoDate.optional(),
    employmentKind: z.enum(EMPLOYMENT_KINDS).optional(),
  })
  .meta({ id: 'OutcomeInput' });

// ── Recognition of foreign qualifications (BQFG) ─────────────────
export const QUALIFICATION_DOCUMENTS = ['certificate', 'transcript', 'translation', 'identity', 'work_references', 'cv', 'name_change'] as const;
/** A qualification gained abroad, and which of its documents the person holds (a checklist; nothing is uploaded). */
export const ForeignQualificationInput = z
  .strictObject({
    country: text(60),
    originalTitle: text(200),
    germanTitle: optionalText(200),
    year: z.number().int().min(1950).max(2100),
    durationMonths: z.number().int().min(1).max(120),
    documents: z.array(z.enum(QUALIFICATION_DOCUMENTS)).max(QUALIFICATION_DOCUMENTS.length).default([]),
  })
  .meta({ id: 'ForeignQualificationInput' });
export type ForeignQualificationInput = z.infer<typeof ForeignQualificationInput>;

export const RECOGNITION_DECISIONS = ['pending', 'full', 'partial', 'none'] as const;
export const APPEAL_OUTCOMES = ['pending', 'granted', 'rejected'] as const;
/** A substantial difference (wesentlicher Unterschied) of a partial decision; a new one gets its id on saving. */
export const Difference = z.strictObject({ id: id.optional(), title: text(200), description: optionalText(1000) });
export const RecognitionInput = z
  .strictObject({
    referenceOccupationId: z.string().min(1).max(80),
    /** Absent: IHK FOSA for IHK occupations, the Handwerkskammer for crafts, otherwise the occupation's competent body. */
    competentBody: optionalText(160),
    appliedOn: isoDate.optional(),
    fileCompleteOn: isoDate.optional(),
    decidedOn: isoDate.optional(),
    decision: z.enum(RECOGNITION_DECISIONS).default('pending'),
    differences: z.array(Difference).max(20).default([]),
    appeal: z.strictObject({ filedOn: isoDate, outcome: z.enum(APPEAL_OUTCOMES).default('pending'), decidedOn: isoDate.optional() }).optional(),
  })
  .refine((r) => !r.fileCompleteOn || (Boolean(r.appliedOn) && r.appliedOn! <= r.fileCompleteOn), {
    path: ['fileCompleteOn'],
    message: 'liegt vor dem Antrag',
  })
  .refine((r) => r.decision === 'pending' || Boolean(r.decidedOn), { path: ['decidedOn'], message: 'Datum des Bescheids fehlt' })
  .refine((r) => !r.decidedOn || (Boolean(r.appliedOn) && r.appliedOn! <= r.decidedOn), { path: ['decidedOn'], message: 'liegt vor dem Antrag' })
  .refine((r) => r.decision === 'partial' || r.differences.length === 0, { path: ['differences'], message: 'nur bei teilweiser Gleichwertigkeit' })
  .refine((r) => r.decision !== 'partial' || r.differences.length > 0, { path: ['differences'], message: 'bitte die wesentlichen Unterschiede nennen' })
  .refine((r) => !r.appeal || r.decision === 'partial' || r.decision === 'none', {
    path: ['appeal'],
    message: 'Widerspruch nur gegen einen ablehnenden Bescheid',
  })
  .refine((r) => !r.appeal?.decidedOn || r.appeal.filedOn <= r.appeal.decidedOn, { path: ['appeal', 'decidedOn'], message: 'liegt vor dem Widerspruch' })
  .meta({ id: 'RecognitionInput' });
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

export const MoveInput = z.strictObject({ to: CaseStatus, reason: optionalText(500), version: recordMeta.version }).meta({ id: 'CaseMove' });
export type MoveInput = z.infer<typeof MoveInput>;

const caseListFields = {
  view: z.enum(['updated', 'status', 'counsellor', 'followups', 'name']).default('updated'),
  status: CaseStatus.optional(),
  counsellorId: z.string().max(64).optional(),
  dueBy: isoDate.optional(),
};

/** A list of cases by a view: nothing in it names a person, so it may travel in a query string. */
export const CaseListQuery = z.strictObject({ ...caseListFields, ...pageQuery });

/** A search by name prefix or case number: sent as a request body (POST), so no name lands in a URL or access log. */
export const CaseSearch = z
  .strictObject({
    ...caseListFields,
    q: z.string().trim().max(80).optional(),
    number: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'Fallnummer wie 2026-0042')
      .optional(),
    cursor: pageQuery.cursor,
    limit: z.number().int().min(1).max(100).default(25),
  })
  .meta({ id: 'CaseSearch' });
export type CaseListQuery = z.infer<typeof CaseSearch>;

/** The duplicate check before a case is saved: name and birth date, in a request body. */
export const DuplicateCheck = z.strictObject({ firstName: text(80), lastName: text(80), birthDate: isoDate }).meta({ id: 'CaseDuplicateCheck' });
