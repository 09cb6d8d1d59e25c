// Select choices for casework, from the shared enums.
import { DISTRICTS } from '#shared/regions.ts';
import {
  ADMISSIONS,
  CASE_STATUSES,
  CEFR,
  CONSENT_SCOPES,
  EMPLOYMENT_KINDS,
  FUNDING_SOURCES,
  GENDERS,
  MIGRATION,
  MODULE_KINDS,
  MODULE_STATUSES,
  QUALIFICATION_DOCUMENTS,
  RECOGNITION_DECISIONS,
  APPEAL_OUTCOMES,
  REGISTRATIONS,
  RESULTS,
  SCHOOL_CERTIFICATES,
  SESSION_KINDS,
} from '#shared/cases/schema.ts';
import { choices } from '../format.ts';

export const statusChoices = choices(CASE_STATUSES, 'amon.case_status');
export const genderChoices = choices(GENDERS, 'amon.genders');
export const migrationChoices = choices(MIGRATION, 'amon.migration');
export const cefrChoices = choices(CEFR, 'amon.cefr');
export const schoolChoices = choices(SCHOOL_CERTIFICATES, 'amon.school');
export const registrationChoices = choices(REGISTRATIONS, 'amon.registration');
export const scopeChoices = choices(CONSENT_SCOPES, 'amon.consent_scopes');
export const sessionKindChoices = choices(SESSION_KINDS, 'amon.session_kinds');
export const moduleKindChoices = choices(MODULE_KINDS, 'amon.module_kinds');
export const documentChoices = choices(QUALIFICATION_DOCUMENTS, 'amon.recognition.documents');
export const decisionChoices = choices(RECOGNITION_DECISIONS, 'amon.recognition.decisions');
export const appealOutcomeChoices = choices(APPEAL_OUTCOMES, 'amon.recognition.appeal_outcomes');
export const moduleStatusChoices = choices(MODULE_STATUSES, 'amon.module_status');
export const fundingChoices = choices(FUNDING_SOURCES, 'amon.funding_sources');
export const admissionChoices = choices(ADMISSIONS, 'amon.admissions');
export const resultChoices = choices(RESULTS, 'amon.results');
export const employmentChoices = choices(EMPLOYMENT_KINDS, 'amon.employment_kinds');
export const districtChoices = choices(DISTRICTS, 'amon.districts');
export const viewChoices = choices(['updated', 'followups', 'counsellor', 'status'], 'amon.views');
