// What each function may do on the table, reviewed in one place: the partitions (dynamodb:LeadingKeys patterns) it
// reads and writes. CDK grants exactly this (infra/constructs/amon-function.ts), and every call is checked against it
// at run time (functions/table-access.ts), so the declaration cannot drift from what the code does.
import type { TableAccess } from './table-access.ts';

/** Audit entries are written, never read, by every staff function; only cases (a case's trail) and settings (a user's) read them. */
const AUDIT = 'AUDIT#*';
/** The report feed: the month's events and the counters. */
const FEED = ['EVENTS#*', 'COUNTERS'];
const OCCUPATIONS = ['OCCUPATION#*', 'OCCUPATIONS'];
/** A background job and its items (shared/jobs). */
const JOB = 'JOB#*';
/** Every staff request reads its user's session mark (shared/users/sessions.ts). */
const SESSION = 'SESSION#*';

export const TABLE_ACCESS: Record<string, TableAccess> = {
  members: { read: [SESSION, 'MEMBER#*', 'MEMBERS', 'MEMBERS#*'], write: ['MEMBER#*', AUDIT, ...FEED] },
  meetings: {
    // A repeated cancellation reads the meeting's jobs to answer the cancellation's job.
    read: [SESSION, 'MEETING#*', 'MEETINGS', 'MEETINGS#*', 'ACTIONS#*', 'MEMBER#*', 'MEMBERS', 'MEMBERS#*', 'JOBS#OF#meeting#*'],
    write: ['MEETING#*', JOB, AUDIT, ...FEED],
  },
  users: { read: [SESSION, 'USER#*', 'USEREMAIL#*', 'USERS'], write: ['USER#*', 'USEREMAIL#*', SESSION, AUDIT] },
  cases: {
    // A plan module taken from the catalogue names its offer (OFFER#…).
    // Erasure also reads and deletes the case's participations in group measures (MEASURE#…) and its items in the
    // measures' jobs (JOBS#OF#measure#…, JOB#…).
    read: [
      SESSION,
      'CASE#*',
      'CASES',
      'CASES#*',
      'FOLLOWUP#*',
      'CASENO#*',
      'CASEDUP#*',
      'AUDIT#case#*',
      'OFFER#*',
      'AGREEMENT#*',
      'MEASURE#*',
      'JOBS#OF#measure#*',
      ...OCCUPATIONS,
    ],
    // Erasure deletes the case's own audit trail; every other function only adds audit entries.
    write: ['CASE#*', 'CASENO#*', 'CASEDUP#*', 'CASENUMBER#*', 'MEASURE#*', JOB, AUDIT, ...FEED],
  },
  companies: {
    // A company with activities or agreements is not deleted.
    read: [SESSION, 'COMPANY#*', 'COMPANIES', 'COMPANIES#*', 'COMPANYDUP#*', 'AGREEMENTS#COMPANY#*'],
    // An import stages its rows under the job it writes.
    write: ['COMPANY#*', 'COMPANYDUP#*', JOB, AUDIT, ...FEED],
  },
  campaigns: {
    read: [SESSION, 'CAMPAIGN#*', 'CAMPAIGNS', 'CAMPAIGNS#*', 'INVITATIONS#COMPANY#*', 'COMPANY#*', 'COMPANIES', 'COMPANIES#*', ...OCCUPATIONS],
    // Opening, inviting and reminding write the job that sends the e-mails.
    write: ['CAMPAIGN#*', 'NEED#*', JOB, AUDIT, ...FEED],
  },
  /**
   * Company relations: activities in the company's partition, follow-ups, agreements and what uses them; the
   * timeline reads the company's invitations, needs and proposals; the name check reads the case name index only.
   */
  relations: {
    read: [
      SESSION,
      'COMPANY#*',
      'COMPANYFOLLOWUP#*',
      'AGREEMENT#*',
      'AGREEMENTS',
      'AGREEMENTS#*',
      'MEASURES#AGREEMENT#*',
      'MODULES#AGREEMENT#*',
      'INVITATIONS#COMPANY#*',
      'NEEDS#OF#*',
      'MATCHES#COMPANY#*',
      'CASES#NAME',
    ],
    write: ['COMPANY#*', 'AGREEMENT#*', AUDIT, ...FEED],
  },
  needs: { read: [SESSION, 'NEED#*', 'NEEDS#*', 'COMPANY#*', ...OCCUPATIONS], write: ['NEED#*', AUDIT, ...FEED] },
  matching: {
    read: [SESSION, 'CASE#*', 'CANDIDATES#GROUP#*', 'MATCHES#*', 'NEED#*', 'NEEDS#*'],
    write: ['CASE#*', 'NEED#*', AUDIT, ...FEED],
  },
  /** Public: a company's own invitation (found by its token hash inside the campaign partition) and the needs it states. */
  survey: { read: ['CAMPAIGN#*', 'NEED#*'], write: ['CAMPAIGN#*', 'NEED#*', ...FEED] },
  reports: {
    // Survey figures read the open and the latest campaigns with their need rows (CAMPAIGN#…).
    read: [
      SESSION,
      'REPORT#*',
      'REPORTS',
      'EVENTS#*',
      'COUNTERS',
      'SETTINGS',
      'MEETINGS',
      'ACTIONS#*',
      'CAMPAIGNS#*',
      'CAMPAIGN#*',
      'MEMBER#*',
      'MEMBERS#DIGEST',
    ],
    // Sending starts the job that mails the digest.
    write: ['REPORT#*', JOB, AUDIT],
  },
  /** Public: the member named in the signed link, and an audit entry of the member. */
  /** Public: the member named in the digest's signed link; a newsletter's list opt-out or its subscriber. */
  unsubscribe: { read: ['MEMBER#*', 'NLSUB#*'], write: ['MEMBER#*', 'AUDIT#member#*', 'NLOPTOUT#*', 'NLSUB#*', 'NLSUBMAIL#*', ...FEED] },
  occupations: { read: [SESSION, ...OCCUPATIONS], write: ['OCCUPATION#*', AUDIT] },
  /** The provider of an offer is a network member (its name is kept with the offer). */
  // Demand beside supply reads the open needs.
  offers: { read: [SESSION, 'OFFER#*', 'OFFERS', 'OFFERS#*', 'MEMBER#*', 'NEEDS#STATUS#open'], write: ['OFFER#*', JOB, AUDIT] },
  /** Public and read-only: the current offers. */
  catalogue: { read: ['OFFERS', 'OFFERS#*'], write: [] },
  /** The documents: a measure's sheet reads what its figures need; an event's read its registrations (audited). */
  evaluations: { read: [SESSION, 'MEASURE#*', 'CASE#*', 'EVT#*'], write: [AUDIT] },
  /** Events: the event with its registrations, address hashes and waiting list; mails go out as jobs. */
  events: { read: [SESSION, 'EVT#*', 'EVTS', 'EVTWAIT#*'], write: ['EVT#*', JOB, AUDIT] },
  /** Public: published events, registering and the cancel link; never a case, an audit entry or a user. */
  registration: { read: ['EVT#*', 'EVTS#PUBLIC', 'EVTWAIT#*'], write: ['EVT#*', JOB] },
  /**
   * Newsletters: issues, subscribers and the lists' opt-outs; counting an audience reads the members and the
   * companies (by sector and district); sending and test mails start jobs.
   */
  newsletters: {
    read: [SESSION, 'NEWSLETTER#*', 'NEWSLETTERS#*', 'NLSUBS', 'NLSUB#*', 'NLOPTOUT#*', 'MEMBERS', 'COMPANIES', 'COMPANIES#*'],
    write: ['NEWSLETTER#*', 'NLSUB#*', 'NLSUBMAIL#*', JOB, AUDIT],
  },
  /** Public: sign-up (the subscriber, their address hash, the confirmation mail's job) and the archive; never a case, an audit entry or a user. */
  subscriptions: { read: ['NLSUB#*', 'NLSUBMAIL#*', 'NEWSLETTER#*', 'NEWSLETTERS#ARCHIVE'], write: ['NLSUB#*', 'NLSUBMAIL#*', JOB] },
  /** Group measures: the measure with its participations, the participants' cases (their plans and exams), the partner company and providers. */
  measures: {
    read: [SESSION, 'MEASURE#*', 'MEASURES', 'CASE#*', 'COMPANY#*', 'AGREEMENT#*', 'MEMBER#*', ...OCCUPATIONS],
    write: ['MEASURE#*', 'CASE#*', JOB, AUDIT, ...FEED],
  },
  settings: { read: [SESSION, 'SETTINGS', 'COUNTERS', 'AUDITUSER#*'], write: ['SETTINGS', AUDIT] },
  jobs: { read: [SESSION, JOB, 'JOBS', 'JOBS#OF#*'], write: [JOB, AUDIT] },
  openapi: { read: [], write: [] },
  'job:retention': {
    read: ['CASES#STATUS#*', 'CASES#ANONYMISING', 'CASE#*', 'SETTINGS', 'EVTS#PURGE', 'EVT#*', 'NLSUBS#PENDING'],
    write: ['CASE#*', 'CASEDUP#*', 'EVT#*', 'NLSUB#*', 'NLSUBMAIL#*', AUDIT],
  },
  'job:survey-reminders': { read: ['CAMPAIGNS#STATUS#*', 'CAMPAIGN#*'], write: ['CAMPAIGN#*', JOB, AUDIT, ...FEED] },
  /**
   * The stream's worker: the job and its items, and what the kinds read and change (a campaign's invitations and
   * counters; a meeting and the open action items its mails carry over; the report, its subscribers and the
   * delivery records of the digest; the companies of an import, their duplicate entries and the counter; the offers
   * of a provider's list; a group measure's steps on each participant's case, with the case's audit entry and
   * counted facts; an event's registrations and the hashes of their cancel links; a newsletter's audience, its
   * issue and a sign-up's confirmation link; an imported case with its number and duplicate entries). An import item tried again reads
   * whether its record is already there.
   */
  'job:worker': {
    read: [
      JOB,
      'CAMPAIGN#*',
      'MEETING#*',
      'ACTIONS#*',
      'REPORT#*',
      'MEMBER#*',
      'MEMBERS#DIGEST',
      'COMPANY#*',
      'OFFER#*',
      'MEASURE#*',
      'CASE#*',
      'EVT#*',
      'EVTWAIT#*',
      'NEWSLETTER#*',
      'NLSUB#*',
      'NLSUBS',
      'NLOPTOUT#*',
      'MEMBERS',
      'COMPANIES',
      'COMPANIES#*',
    ],
    write: [JOB, 'CAMPAIGN#*', 'REPORT#*', 'COMPANY#*', 'COMPANYDUP#*', 'OFFER#*', 'CASE#*', 'CASENO#*', 'CASEDUP#*', 'EVT#*', 'NLSUB#*', AUDIT, ...FEED],
  },
  'job:job-retries': { read: ['JOBITEMS#RETRY'], write: [JOB] },
  'job:report-check': { read: ['REPORT#*'], write: [] },
  'job:monthly-report': {
    read: ['REPORT#*', 'EVENTS#*', 'COUNTERS', 'SETTINGS', 'MEETINGS', 'ACTIONS#*', 'CAMPAIGNS#*', 'CAMPAIGN#*'],
    write: ['REPORT#*', JOB, AUDIT],
  },
};

/** The declared access of a function; a function without a declaration gets none. */
export const tableAccessOf = (name: string): TableAccess => TABLE_ACCESS[name] ?? { read: [], write: [] };
