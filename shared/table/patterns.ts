// Every access pattern of the table, declared once: which index, which partition, how the sort key is ordered or
// narrowed. Repositories query a pattern's target (`patterns.x.of(...)`), entities fill its slot (`patterns.x.slot(...)`),
// and the access-pattern table in docs/data-model.md is generated from this list (`npm run docs:patterns`).
import type { IndexName } from './definition.ts';
import type { ItemKeys, Key } from './port.ts';

/** A partition of one pattern, optionally narrowed on its sort key: what a Query reads. */
export type Target = {
  readonly pattern: QueryPattern;
  readonly partition: string;
  readonly sort?: { prefix: string } | { between: readonly [string, string] };
};

/** The index keys one item carries for one pattern (`gsiNpk`, `gsiNsk`). */
export type Slot = { readonly pattern: QueryPattern; readonly keys: Partial<ItemKeys> };

type Described = {
  /** Unique across the table: the letter names the entity group (M members, K cases, …). */
  id: string;
  entity: string;
  summary: string;
  notes?: string;
};

export type QueryPattern<A extends unknown[] = never[]> = Described & {
  kind: 'query';
  /** Absent: the table's own key. */
  index?: IndexName;
  /** Placeholder names of the partition's arguments, for the docs. */
  params: string[];
  /** What the sort key holds and how the pattern narrows it, for the docs. */
  sort?: string;
  /** A fixed beginning of the sort keys the pattern reads (children of one kind in a partition). */
  sortPrefix?: string;
  partitionOf: (...args: A) => string;
  /** The partition to read, with the pattern's fixed sort prefix. */
  of: (...args: A) => Target;
  /** The keys an item carries to appear in this pattern: the partition for `args`, ordered by `sort`. */
  slot: (sort: string, ...args: A) => Slot;
  /** The attributes of the slot (`gsiNpk`, `gsiNsk`): removing them takes an item out of a sparse pattern. */
  slotAttributes: string[];
};

export type GetPattern<A extends unknown[] = never[]> = Described & { kind: 'get'; params: string[]; key: (...args: A) => Key };

function query<A extends unknown[]>(
  d: Described & { index?: IndexName; params: string[]; sort?: string; sortPrefix?: string; partition: (...args: A) => string },
): QueryPattern<A> {
  const p: QueryPattern<A> = {
    ...d,
    kind: 'query',
    partitionOf: d.partition,
    slotAttributes: d.index ? [`${d.index}pk`, `${d.index}sk`] : [],
    of: (...args) => ({ pattern: p as unknown as QueryPattern, partition: d.partition(...args), ...(d.sortPrefix ? { sort: { prefix: d.sortPrefix } } : {}) }),
    slot: (sort, ...args) => {
      if (!d.index) throw new Error(`${d.id} reads the table's own key; items do not fill it through a slot`);
      return { pattern: p as unknown as QueryPattern, keys: { [`${d.index}pk`]: d.partition(...args), [`${d.index}sk`]: sort } };
    },
  };
  return p;
}

const get = <A extends unknown[]>(d: Described & { params: string[]; key: (...args: A) => Key }): GetPattern<A> => ({ ...d, kind: 'get' });

/** Narrows a target to sort keys that begin with `prefix` (after the pattern's own prefix). */
export const startingWith = (t: Target, prefix: string | undefined): Target =>
  prefix ? { ...t, sort: { prefix: `${t.sort && 'prefix' in t.sort ? t.sort.prefix : ''}${prefix}` } } : t;

/** Narrows a target to sort keys between two values, both included. */
export const between = (t: Target, from: string, to: string): Target => ({ ...t, sort: { between: [from, to] } });

/** The 3-digit KldB group of a 5-digit occupation code (a group given as such stays as it is). */
const kldbGroup = (code: string) => (/^\d{5}$/.test(code) ? code.slice(0, 3) : code);

export const patterns = {
  // ── Network members ─────────────────────────────────────────────
  member: get({ id: 'M1', entity: 'member', summary: 'member by id', params: ['id'], key: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'MEMBER' }) }),
  membersByName: query({
    id: 'M2',
    entity: 'member',
    summary: 'members by name, name-prefix search',
    index: 'gsi1',
    params: [],
    partition: () => 'MEMBERS',
    sort: '`<folded name>#<id>`, `begins_with` a folded prefix',
    notes: 'folding: lower case, ä→ae, ö→oe, ü→ue, ß→ss, accents dropped',
  }),
  membersByKind: query({
    id: 'M3',
    entity: 'member',
    summary: 'members of one kind (and prefix)',
    index: 'gsi2',
    params: ['kind'],
    partition: (kind: string) => `MEMBERS#KIND#${kind}`,
    sort: 'as M2',
  }),
  membersInSteeringCommittee: query({
    id: 'M4',
    entity: 'member',
    summary: 'steering-committee members',
    index: 'gsi3',
    params: [],
    partition: () => 'MEMBERS#STEERING',
    sort: 'as M2',
    notes: 'sparse: only members in the committee carry it',
  }),
  membersSubscribed: query({
    id: 'M5',
    entity: 'member',
    summary: 'members subscribed to the digest',
    index: 'gsi4',
    params: [],
    partition: () => 'MEMBERS#DIGEST',
    sort: 'as M2',
    notes: "sparse; the monthly report's recipients",
  }),

  // ── Staff users ─────────────────────────────────────────────────
  user: get({
    id: 'U1',
    entity: 'user',
    summary: 'user by id (JWT `sub`)',
    params: ['id'],
    key: (id: string) => ({ pk: `USER#${id}`, sk: 'USER' }),
    notes: 'local identity store only; Cognito in AWS',
  }),
  userEmail: get({
    id: 'U2',
    entity: 'user',
    summary: 'user by e-mail (sign-in, uniqueness)',
    params: ['email'],
    key: (email: string) => ({ pk: `USEREMAIL#${email.toLowerCase()}`, sk: 'USEREMAIL' }),
    notes: 'written in the same transaction as U1',
  }),
  usersByEmail: query({ id: 'U3', entity: 'user', summary: 'users by e-mail', index: 'gsi1', params: [], partition: () => 'USERS', sort: '`<email>`' }),
  session: get({
    id: 'U4',
    entity: 'session',
    summary: "a user's session mark",
    params: ['user id'],
    key: (userId: string) => ({ pk: `SESSION#${userId}`, sk: 'SESSION' }),
    notes: 'both worlds: written when the account is disabled or its roles change; every staff request reads it (cached 5 s)',
  }),

  // ── Audit log and report feed ─────────────────────────────────
  auditOfRecord: query({
    id: 'A1',
    entity: 'audit',
    summary: 'audit entries of a record',
    params: ['type', 'id'],
    partition: (type: string, id: string) => `AUDIT#${type}#${id}`,
    sort: '`<ISO time>#<ulid>`, newest first',
    notes: 'who, when, action, field names (never values)',
  }),
  auditOfUser: query({
    id: 'A2',
    entity: 'audit',
    summary: 'audit entries of a user',
    index: 'gsi1',
    params: ['user id'],
    partition: (userId: string) => `AUDITUSER#${userId}`,
    sort: 'as A1',
  }),
  eventsOfMonth: query({
    id: 'E1',
    entity: 'event',
    summary: "the month's events (report feed)",
    params: ['yyyy-mm'],
    partition: (month: string) => `EVENTS#${month}`,
    sort: '`<ISO time>#<ulid>`',
    notes: "Europe/Berlin month; written in the same transaction as the fact; the monthly report's only read of history (one paginated Query)",
  }),
  counters: get({
    id: 'C1',
    entity: 'counters',
    summary: 'current counters',
    params: [],
    key: () => ({ pk: 'COUNTERS', sk: 'CURRENT' }),
    notes: "`ADD` updates in the fact's transaction",
  }),

  // ── Cases ───────────────────────────────────────────────────────
  caseWithChildren: query({
    id: 'K1',
    entity: 'case',
    summary: 'case with all its children',
    params: ['id'],
    partition: (id: string) => `CASE#${id}`,
    sort: '`CASE`, `SESSIONS#<ulid>`, `MODULES#<ulid>`, `FUNDINGS#<ulid>`, `QUALIFICATIONS#<ulid>`, `EXAM`, `OUTCOME`, `RECOGNITION`, `HISTORY#<time>#<ulid>`, `MATCH#<needId>`',
    notes: 'one Query reads the whole case',
  }),
  casesByStatus: query({
    id: 'K2',
    entity: 'case',
    summary: 'cases by status (time in status)',
    index: 'gsi1',
    params: ['status'],
    partition: (status: string) => `CASES#STATUS#${status}`,
    sort: '`<statusSince>#<id>`, between two times',
    notes: 'retention reads closed cases up to the cutoff',
  }),
  casesByCounsellor: query({
    id: 'K3',
    entity: 'case',
    summary: 'cases of a counsellor, by last update',
    index: 'gsi2',
    params: ['user id'],
    partition: (counsellorId: string) => `CASES#COUNSELLOR#${counsellorId}`,
    sort: '`<updatedAt>#<id>`, newest first',
  }),
  followUpsOf: query({
    id: 'K4',
    entity: 'case',
    summary: "a counsellor's follow-ups, by date",
    index: 'gsi3',
    params: ['user id'],
    partition: (counsellorId: string) => `FOLLOWUP#${counsellorId}`,
    sort: '`<follow-up date>#<id>`, between `0000-00-00` and `<due by>#~`',
    notes: 'sparse: only cases with an open follow-up',
  }),
  casesByUpdate: query({
    id: 'K5',
    entity: 'case',
    summary: 'all cases by last update',
    index: 'gsi4',
    params: [],
    partition: () => 'CASES',
    sort: '`<updatedAt>#<id>`, newest first',
  }),
  casesByName: query({
    id: 'K6',
    entity: 'case',
    summary: 'cases by name prefix',
    index: 'gsi5',
    params: [],
    partition: () => 'CASES#NAME',
    sort: '`<folded "last first">#<id>`, `begins_with` a folded prefix',
    notes: 'anonymised cases leave this index',
  }),
  caseNumber: get({
    id: 'K7',
    entity: 'case-number',
    summary: 'case by number',
    params: ['number'],
    key: (number: string) => ({ pk: `CASENO#${number}`, sk: 'CASENO' }),
    notes: 'holds `caseId`; written in the create transaction',
  }),
  caseNumberSequence: get({
    id: 'K8',
    entity: 'case-number',
    summary: 'next case number of a year',
    params: ['year'],
    key: (year: string) => ({ pk: `CASENUMBER#${year}`, sk: 'SEQUENCE' }),
    notes: 'atomic `ADD seq 1`',
  }),
  caseDuplicates: query({
    id: 'K9',
    entity: 'case-duplicate',
    summary: 'possible duplicates',
    params: ['folded name', 'birth date'],
    partition: (foldedName: string, birthDate: string) => `CASEDUP#${foldedName}#${birthDate}`,
    sort: 'the case id',
    notes: 'deleted on anonymisation and erasure; the check is a POST body, never a URL',
  }),
  anonymisationsPending: query({
    id: 'K10',
    entity: 'case',
    summary: 'anonymisations not yet finished',
    index: 'gsi3',
    params: [],
    partition: () => 'CASES#ANONYMISING',
    sort: '`<started at>#<id>`, oldest first',
    notes:
      'sparse: a case being anonymised leaves its follow-up entry and the name index and waits here until every child is rewritten; the retention job finishes these first',
  }),
  modulesOfAgreement: query({
    id: 'K11',
    entity: 'module',
    summary: 'plan modules that use a learning-venue agreement',
    index: 'gsi1',
    params: ['agreement id'],
    partition: (agreementId: string) => `MODULES#AGREEMENT#${agreementId}`,
    sort: '`<caseId>#<moduleId>`',
    notes: 'case ids only; the agreement counts them, coordinators see "<3" below three',
  }),

  // ── Companies ───────────────────────────────────────────────────
  company: get({ id: 'B1', entity: 'company', summary: 'company by id', params: ['id'], key: (id: string) => ({ pk: `COMPANY#${id}`, sk: 'COMPANY' }) }),
  companiesByName: query({
    id: 'B2',
    entity: 'company',
    summary: 'companies by name, name-prefix search',
    index: 'gsi1',
    params: [],
    partition: () => 'COMPANIES',
    sort: '`<folded name>#<id>`, `begins_with` a folded prefix',
  }),
  companiesBySector: query({
    id: 'B3',
    entity: 'company',
    summary: 'companies of a WZ section',
    index: 'gsi2',
    params: ['A–U'],
    partition: (section: string) => `COMPANIES#SECTOR#${section}`,
    sort: 'as B2',
    notes: 'district and size filter that page',
  }),
  companiesByDistrict: query({
    id: 'B4',
    entity: 'company',
    summary: 'companies of a district',
    index: 'gsi3',
    params: ['district'],
    partition: (district: string) => `COMPANIES#DISTRICT#${district}`,
    sort: 'as B2',
    notes: 'size filters that page',
  }),
  companiesBySize: query({
    id: 'B5',
    entity: 'company',
    summary: 'companies of a size class',
    index: 'gsi4',
    params: ['class'],
    partition: (size: string) => `COMPANIES#SIZE#${size}`,
    sort: 'as B2',
  }),
  companyDuplicates: query({
    id: 'B6',
    entity: 'company-duplicate',
    summary: 'possible duplicate companies',
    params: ['folded name', 'postcode'],
    partition: (foldedName: string, postcode: string) => `COMPANYDUP#${foldedName}#${postcode}`,
    sort: 'the company id',
  }),
  activitiesOfCompany: query({
    id: 'B7',
    entity: 'activity',
    summary: "a company's activities (visits, calls, talks), newest first",
    params: ['company id'],
    partition: (companyId: string) => `COMPANY#${companyId}`,
    sortPrefix: 'ACTIVITY#',
    sort: '`ACTIVITY#<date>#<id>`, newest first',
    notes: "in the company's partition; the notes never name a participant (checked against K6 before saving)",
  }),
  companyFollowUpsOf: query({
    id: 'B8',
    entity: 'activity',
    summary: "a staff member's open company follow-ups, by date",
    index: 'gsi1',
    params: ['user id'],
    partition: (userId: string) => `COMPANYFOLLOWUP#${userId}`,
    sort: '`<follow-up date>#<id>`, between `0000-00-00` and `<due by>#~`',
    notes: 'sparse: only activities with a follow-up not yet done ("Meine Wiedervorlagen (Betriebe)")',
  }),
  agreement: get({
    id: 'B9',
    entity: 'agreement',
    summary: 'learning-venue agreement by id',
    params: ['id'],
    key: (id: string) => ({ pk: `AGREEMENT#${id}`, sk: 'AGREEMENT' }),
  }),
  agreementsOfCompany: query({
    id: 'B10',
    entity: 'agreement',
    summary: "a company's learning-venue agreements, newest start first",
    index: 'gsi1',
    params: ['company id'],
    partition: (companyId: string) => `AGREEMENTS#COMPANY#${companyId}`,
    sort: '`<startsOn>#<id>`',
  }),
  agreementsByStart: query({
    id: 'B11',
    entity: 'agreement',
    summary: 'learning-venue agreements, newest start first',
    index: 'gsi2',
    params: [],
    partition: () => 'AGREEMENTS',
    sort: '`<startsOn>#<id>`',
  }),
  agreementsByEnd: query({
    id: 'B12',
    entity: 'agreement',
    summary: 'current learning-venue agreements, soonest end first',
    index: 'gsi3',
    params: [],
    partition: () => 'AGREEMENTS#BYEND',
    sort: '`<endsOn or 9999-12-31>#<id>`, from today on',
  }),

  // ── Events with registration ──────────────────────────────────
  event: get({
    id: 'T1',
    entity: 'event',
    summary: 'event by id',
    params: ['id'],
    key: (id: string) => ({ pk: `EVT#${id}`, sk: 'EVT' }),
    notes: 'counters `registered`, `waiting`, `attended` are changed only by `ADD`, in the transaction that changes a registration, guarded by the count read',
  }),
  eventsByStart: query({
    id: 'T2',
    entity: 'event',
    summary: 'events by start (upcoming soonest first, past newest first)',
    index: 'gsi1',
    params: [],
    partition: () => 'EVTS',
    sort: '`<startsAt>#<id>`, between today and `9999`, or before today',
  }),
  publicEvents: query({
    id: 'T3',
    entity: 'event',
    summary: 'published public events by start (the public list)',
    index: 'gsi2',
    params: [],
    partition: () => 'EVTS#PUBLIC',
    sort: '`<startsAt>#<id>`',
    notes: 'sparse: only published, not cancelled events with the public audience',
  }),
  eventPurges: query({
    id: 'T4',
    entity: 'event',
    summary: 'public events whose registrations are still to be deleted, by end day',
    index: 'gsi3',
    params: [],
    partition: () => 'EVTS#PURGE',
    sort: '`<end day>#<id>`, up to today less the retention (settings `eventRetentionMonths`)',
    notes: 'sparse: public events until the retention job has deleted their registrations; the counts stay on the event',
  }),
  registrationsOfEvent: query({
    id: 'T5',
    entity: 'registration',
    summary: "an event's registrations, in the order they came",
    params: ['event id'],
    partition: (eventId: string) => `EVT#${eventId}`,
    sortPrefix: 'REG#',
    sort: '`REG#<ulid>`',
    notes: "in the event's partition; the ulid orders them by arrival",
  }),
  waitingListOf: query({
    id: 'T6',
    entity: 'registration',
    summary: "an event's waiting list, first come first",
    index: 'gsi1',
    params: ['event id'],
    partition: (eventId: string) => `EVTWAIT#${eventId}`,
    sort: '`<ulid>`',
    notes: 'sparse: only registrations in the state `waiting`; the first moves up when a place frees',
  }),
  registrationEmail: get({
    id: 'T7',
    entity: 'registration',
    summary: "an event's registered address, by its hash: one registration per address",
    params: ['event id', 'address hash'],
    key: (eventId: string, hash: string) => ({ pk: `EVT#${eventId}`, sk: `MAIL#${hash}` }),
    notes: 'written with the registration (guarded: absent), deleted when it is cancelled',
  }),
  eventPartition: query({
    id: 'T8',
    entity: 'registration',
    summary: 'everything held about the people of one event (the retention job deletes it)',
    params: ['event id'],
    partition: (eventId: string) => `EVT#${eventId}`,
    sort: '`REG#…` and `MAIL#…`; the event item itself (`EVT`) is kept',
  }),

  // ── Newsletters ───────────────────────────────────────────────
  newsletter: get({
    id: 'W1',
    entity: 'newsletter',
    summary: 'newsletter issue by id',
    params: ['id'],
    key: (id: string) => ({ pk: `NEWSLETTER#${id}`, sk: 'NEWSLETTER' }),
  }),
  newslettersByDate: query({
    id: 'W2',
    entity: 'newsletter',
    summary: 'newsletter issues, newest first (drafts and sent)',
    index: 'gsi1',
    params: ['draft | sent'],
    partition: (state: string) => `NEWSLETTERS#${state}`,
    sort: '`<createdAt or sentAt>#<id>`',
  }),
  newsletterArchive: query({
    id: 'W3',
    entity: 'newsletter',
    summary: 'sent issues, newest first (the public archive)',
    index: 'gsi2',
    params: [],
    partition: () => 'NEWSLETTERS#ARCHIVE',
    sort: '`<sentAt>#<id>`',
    notes: 'sparse: only sent issues',
  }),
  subscriber: get({
    id: 'W4',
    entity: 'subscriber',
    summary: 'public subscriber by id',
    params: ['id'],
    key: (id: string) => ({ pk: `NLSUB#${id}`, sk: 'NLSUB' }),
    notes: 'holds the address, the language, the consent text and its times; deleted whole on unsubscribe',
  }),
  subscriberAddress: get({
    id: 'W5',
    entity: 'subscriber',
    summary: "a subscriber's address, by its hash: one subscription per address",
    params: ['address hash'],
    key: (hash: string) => ({ pk: `NLSUBMAIL#${hash}`, sk: 'NLSUBMAIL' }),
    notes: 'written with the subscriber (guarded: absent), deleted with it',
  }),
  activeSubscribers: query({
    id: 'W6',
    entity: 'subscriber',
    summary: 'confirmed subscribers, in the order they confirmed',
    index: 'gsi1',
    params: [],
    partition: () => 'NLSUBS',
    sort: '`<confirmedAt>#<id>`',
    notes: 'sparse: only confirmed subscribers (the list "Abonnenten")',
  }),
  pendingSubscribers: query({
    id: 'W7',
    entity: 'subscriber',
    summary: 'unconfirmed sign-ups by time (the retention job deletes them after 7 days)',
    index: 'gsi2',
    params: [],
    partition: () => 'NLSUBS#PENDING',
    sort: '`<signedUpAt>#<id>`, up to now less 7 days',
    notes: 'sparse: only sign-ups whose confirmation link has not been opened',
  }),
  listOptOuts: query({
    id: 'W8',
    entity: 'opt-out',
    summary: "the addresses that unsubscribed from the network or the companies' list, by hash",
    params: ['network | companies'],
    partition: (list: string) => `NLOPTOUT#${list}`,
    sort: '`<address hash>`',
    notes: 'a hash and a time only; the audience leaves these addresses out',
  }),

  // ── Survey campaigns ──────────────────────────────────────────
  campaign: get({
    id: 'V1',
    entity: 'campaign',
    summary: 'campaign by id',
    params: ['id'],
    key: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: 'CAMPAIGN' }),
    notes:
      'counters `invited`, `sent`, `opened`, `submitted` are top-level attributes changed only by `ADD`; edits `SET` named attributes, so they never overwrite a counter',
  }),
  campaignsByDate: query({
    id: 'V2',
    entity: 'campaign',
    summary: 'campaigns, newest first',
    index: 'gsi1',
    params: [],
    partition: () => 'CAMPAIGNS',
    sort: '`<opensOn>#<id>`',
  }),
  campaignsByKind: query({
    id: 'V3',
    entity: 'campaign',
    summary: 'campaigns of one kind (waves to compare)',
    index: 'gsi2',
    params: ['kind'],
    partition: (kind: string) => `CAMPAIGNS#KIND#${kind}`,
    sort: 'as V2',
  }),
  campaignsByStatus: query({
    id: 'V4',
    entity: 'campaign',
    summary: 'campaigns in a status',
    index: 'gsi3',
    params: ['status'],
    partition: (status: string) => `CAMPAIGNS#STATUS#${status}`,
    sort: '`<closesOn>#<id>`',
    notes: 'the daily reminder job reads the open ones',
  }),
  invitationsOfCampaign: query({
    id: 'V5',
    entity: 'invitation',
    summary: 'invitations of a campaign (with answers)',
    params: ['id'],
    partition: (id: string) => `CAMPAIGN#${id}`,
    sortPrefix: 'INVITATION#',
    sort: '`INVITATION#<companyId>`',
    notes: 'one item per company: snapshot of the company, state, token hashes, draft, answers, revision; results and exports Query this',
  }),
  invitation: get({
    id: 'V6',
    entity: 'invitation',
    summary: 'invitation by token',
    params: ['campaign id', 'company id'],
    key: (campaignId: string, companyId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `INVITATION#${companyId}` }),
    notes:
      'BatchGet with V1; the link is `<cid>.<companyId>.<128-bit secret>`; only SHA-256 of the secret is stored and compared in constant time. A submit is this one read plus one TransactWrite',
  }),
  invitationsOfCompany: query({
    id: 'V7',
    entity: 'invitation',
    summary: "a company's invitations across campaigns",
    index: 'gsi1',
    params: ['company id'],
    partition: (companyId: string) => `INVITATIONS#COMPANY#${companyId}`,
    sort: '`<opensOn>#<campaignId>`, newest first',
  }),
  needRecordsOfCampaign: query({
    id: 'V8',
    entity: 'need-record',
    summary: 'need records of a campaign',
    params: ['id'],
    partition: (id: string) => `CAMPAIGN#${id}`,
    sortPrefix: 'NEED#',
    sort: '`NEED#<companyId>#<question>#<row>`',
    notes: 'one per occupation row of an answer as given, rewritten in the submit transaction; the results read them',
  }),

  // ── Needs ───────────────────────────────────────────────────────
  need: get({
    id: 'N1',
    entity: 'need',
    summary: 'need by id',
    params: ['id'],
    key: (id: string) => ({ pk: `NEED#${id}`, sk: 'NEED' }),
    notes:
      'a need of one company in one occupation. From a survey the id is `<companyId>-<KldB code>`: the submit transaction states it (open) when the row is new or changed and withdraws it when the occupation is taken out; by hand it is a ULID',
  }),
  openNeedsInGroup: query({
    id: 'N2',
    entity: 'need',
    summary: 'open needs of an occupation group (matching)',
    index: 'gsi7',
    params: ['3-digit KldB group'],
    partition: (code: string) => `NEEDS#OPEN#GROUP#${kldbGroup(code)}`,
    sort: '`<5-digit code>#<id>`',
    notes:
      'sparse (open needs only) and narrow (11 attributes): one Query holds the same code, the same 4-digit group and the rest of the 3-digit group; read in pages of up to 1 MB',
  }),
  needsInStatus: query({
    id: 'N3',
    entity: 'need',
    summary: 'needs in a status, newest statement first',
    index: 'gsi2',
    params: ['status'],
    partition: (status: string) => `NEEDS#STATUS#${status}`,
    sort: '`<statedOn>#<id>`',
    notes: 'the needs list',
  }),
  needsOfCompany: query({
    id: 'N4',
    entity: 'need',
    summary: 'needs of a company',
    index: 'gsi3',
    params: ['company id'],
    partition: (companyId: string) => `NEEDS#OF#${companyId}`,
    sort: 'as N3',
    notes: 'the company page',
  }),

  // ── Matching ────────────────────────────────────────────────────
  candidatesInGroup: query({
    id: 'X1',
    entity: 'case',
    summary: 'candidates of an occupation group (matching)',
    index: 'gsi6',
    params: ['3-digit KldB group'],
    partition: (code: string) => `CANDIDATES#GROUP#${kldbGroup(code)}`,
    sort: '`<5-digit code>#<caseId>`',
    notes:
      'sparse keys on the case item itself: present while the consent covers `job_placement`, the case is in counselling, plan or qualification, has a target occupation and is not (being) anonymised; every case write recomputes them',
  }),
  matchesOfCase: query({
    id: 'X2',
    entity: 'match',
    summary: "a case's matches",
    params: ['case id'],
    partition: (caseId: string) => `CASE#${caseId}`,
    sortPrefix: 'MATCH#',
    sort: '`MATCH#<needId>`',
    notes: 'in the case partition, so erasure removes them; state, steps with dates, the score when proposed, never the name',
  }),
  matchesOfNeed: query({
    id: 'X3',
    entity: 'match',
    summary: 'matches of a need',
    index: 'gsi1',
    params: ['need id'],
    partition: (needId: string) => `MATCHES#NEED#${needId}`,
    sort: '`<createdAt>#<caseId>`, newest first',
    notes: 'coordinators get pseudonym, state, date and score only',
  }),
  matchesInState: query({
    id: 'X4',
    entity: 'match',
    summary: 'matches in a state (pipeline)',
    index: 'gsi2',
    params: ['state'],
    partition: (state: string) => `MATCHES#STATE#${state}`,
    sort: '`<updatedAt>#<caseId>#<needId>`, newest first',
  }),
  matchesOfCompany: query({
    id: 'X5',
    entity: 'match',
    summary: "proposals to a company's needs, newest first",
    index: 'gsi3',
    params: ['company id'],
    partition: (companyId: string) => `MATCHES#COMPANY#${companyId}`,
    sort: '`<createdAt>#<caseId>#<needId>`',
    notes: "the company's timeline, for counsellors and admins only (it shows the need and the state, never the person)",
  }),

  // ── Meetings ────────────────────────────────────────────────────
  meetingWithActions: query({
    id: 'G1',
    entity: 'meeting',
    summary: 'meeting with its action items',
    params: ['id'],
    partition: (id: string) => `MEETING#${id}`,
    sort: '`MEETING` and `ACTION#<id>`',
    notes: 'invitees are a snapshot on the meeting item (member, name, contacts, attendance); `sequence` rises with every change invitees are told about',
  }),
  meetingsByTime: query({
    id: 'G2',
    entity: 'meeting',
    summary: 'meetings between two days (calendar, list, report)',
    index: 'gsi1',
    params: [],
    partition: () => 'MEETINGS',
    sort: '`<Berlin start>#<id>`, between `<from>` and `<to>T99`',
    notes: 'attendance rates read one date range',
  }),
  meetingsByKind: query({
    id: 'G3',
    entity: 'meeting',
    summary: 'meetings of one kind',
    index: 'gsi2',
    params: ['kind'],
    partition: (kind: string) => `MEETINGS#KIND#${kind}`,
    sort: 'as G2',
  }),
  actionsByStatus: query({
    id: 'G4',
    entity: 'action',
    summary: 'action items in a status, by due date',
    index: 'gsi1',
    params: ['open|done'],
    partition: (status: string) => `ACTIONS#${status}`,
    sort: '`<dueOn>#<id>`',
    notes: 'open items carry over to the next meeting and into the report',
  }),
  actionsOfOwner: query({
    id: 'G5',
    entity: 'action',
    summary: 'action items of one member',
    index: 'gsi2',
    params: ['member id'],
    partition: (memberId: string) => `ACTIONS#OWNER#${memberId}`,
    sort: '`<status>#<dueOn>#<id>`, `begins_with` a status',
  }),

  // ── Monthly reports ─────────────────────────────────────────────
  report: get({
    id: 'R1',
    entity: 'report',
    summary: 'report of a month',
    params: ['yyyy-mm'],
    key: (month: string) => ({ pk: `REPORT#${month}`, sk: 'REPORT' }),
    notes: 'figures, file keys, run count, delivery summary',
  }),
  reportsByMonth: query({
    id: 'R2',
    entity: 'report',
    summary: 'reports, newest first',
    index: 'gsi1',
    params: [],
    partition: () => 'REPORTS',
    sort: '`<yyyy-mm>`',
  }),
  deliveriesOfMonth: query({
    id: 'R3',
    entity: 'delivery',
    summary: "deliveries of a month's digest",
    params: ['yyyy-mm'],
    partition: (month: string) => `REPORT#${month}`,
    sortPrefix: 'DELIVERY#',
    sort: '`DELIVERY#<memberId>#<email>`',
    notes: 'one record per recipient: claimed with a conditional write before sending, then sent or failed',
  }),

  // ── Background jobs ─────────────────────────────────────────────
  jobWithItems: query({
    id: 'J1',
    entity: 'job',
    summary: 'a background job with its items',
    params: ['id'],
    partition: (id: string) => `JOB#${id}`,
    sort: '`JOB` and `ITEM#<key>` (one per recipient or row)',
    notes:
      'written in the transaction of the change that starts the work; the table stream hands each pending item to the worker; an ended job and its items expire by TTL (`expiresAt`) after 90 days',
  }),
  jobItems: query({
    id: 'J2',
    entity: 'job-item',
    summary: "a job's items",
    params: ['id'],
    partition: (id: string) => `JOB#${id}`,
    sortPrefix: 'ITEM#',
    sort: '`ITEM#<key>`',
    notes: 'state pending → working → done, retry or failed; attempts and the last reason',
  }),
  jobsByTime: query({
    id: 'J3',
    entity: 'job',
    summary: 'recent jobs, newest first',
    index: 'gsi1',
    params: [],
    partition: () => 'JOBS',
    sort: '`<createdAt>#<id>`',
    notes: 'the jobs page',
  }),
  jobsOfSubject: query({
    id: 'J4',
    entity: 'job',
    summary: 'the jobs of one record (a campaign, a meeting, a month)',
    index: 'gsi2',
    params: ['type', 'id'],
    partition: (type: string, id: string) => `JOBS#OF#${type}#${id}`,
    sort: 'as J3',
    notes: 'the progress shown where the work was started',
  }),
  itemsToRetry: query({
    id: 'J5',
    entity: 'job-item',
    summary: 'job items waiting for their next attempt, and attempts under way (their lease)',
    index: 'gsi1',
    params: [],
    partition: () => 'JOBITEMS#RETRY',
    sort: '`<retry at>#<job id>#<key>`',
    notes:
      'sparse: only items in state retry (until the next attempt) or working (until the lease ends); the job-retries schedule puts those due back to pending',
  }),

  // ── Occupations, settings, seeding ──────────────────────────────
  // ── Offer catalogue ────────────────────────────────────────────
  offer: get({ id: 'L1', entity: 'offer', summary: 'offer by id', params: ['id'], key: (id: string) => ({ pk: `OFFER#${id}`, sk: 'OFFER' }) }),
  offersCurrent: query({
    id: 'L2',
    entity: 'offer',
    summary: 'offers by their last start date',
    index: 'gsi1',
    params: [],
    partition: () => 'OFFERS',
    sort: '`<last start date>#<id>`, from a date on: offers past their last start fall out',
  }),
  offersInGroup: query({
    id: 'L3',
    entity: 'offer',
    summary: 'offers of one 3-digit occupation group, by last start date',
    index: 'gsi2',
    params: ['group'],
    partition: (group: string) => `OFFERS#GROUP#${kldbGroup(group)}`,
    sort: 'as L2; a 5-digit code or the district is a filter on the page (pages stay full)',
  }),
  offersInDistrict: query({
    id: 'L4',
    entity: 'offer',
    summary: 'offers in one district, by last start date',
    index: 'gsi3',
    params: ['district'],
    partition: (district: string) => `OFFERS#DISTRICT#${district}`,
    sort: 'as L2',
  }),

  // ── Group measures ─────────────────────────────────────────────
  measure: get({
    id: 'Q1',
    entity: 'measure',
    summary: 'group measure by id',
    params: ['id'],
    key: (id: string) => ({ pk: `MEASURE#${id}`, sk: 'MEASURE' }),
    notes: 'with its shared module plan and the counts of who joined and who is still in',
  }),
  measuresByStart: query({
    id: 'Q2',
    entity: 'measure',
    summary: 'group measures, newest start first',
    index: 'gsi1',
    params: [],
    partition: () => 'MEASURES',
    sort: '`<startDate>#<id>`, newest first; the state (planned, running, finished) follows from the dates and is a filter',
  }),
  participantsOfMeasure: query({
    id: 'Q3',
    entity: 'participation',
    summary: "a measure's participants",
    params: ['measure id'],
    partition: (id: string) => `MEASURE#${id}`,
    sortPrefix: 'PART#',
    sort: '`PART#<caseId>`',
    notes: 'the case id, joined and left dates only: the names stay in the cases (the roster reads them, audited)',
  }),
  measuresOfAgreement: query({
    id: 'Q4',
    entity: 'measure',
    summary: 'group measures that use a learning-venue agreement',
    index: 'gsi2',
    params: ['agreement id'],
    partition: (agreementId: string) => `MEASURES#AGREEMENT#${agreementId}`,
    sort: '`<startDate>#<id>`',
  }),

  occupation: get({
    id: 'O1',
    entity: 'occupation',
    summary: 'occupation by id',
    params: ['code-slug'],
    key: (id: string) => ({ pk: `OCCUPATION#${id}`, sk: 'OCCUPATION' }),
  }),
  occupationsByTitle: query({
    id: 'O2',
    entity: 'occupation',
    summary: 'occupations by title',
    index: 'gsi1',
    params: [],
    partition: () => 'OCCUPATIONS',
    sort: '`<folded title>#<id>`, `begins_with` a folded prefix',
  }),
  settings: get({
    id: 'P1',
    entity: 'settings',
    summary: 'programme settings',
    params: [],
    key: () => ({ pk: 'SETTINGS', sk: 'PROGRAMME' }),
    notes: 'targets, programme start, retention months',
  }),
  seedMarker: get({
    id: 'S1',
    entity: 'seed',
    summary: 'seed markers',
    params: ['data set'],
    key: (name: string) => ({ pk: 'SEED', sk: name }),
    notes: "makes `npm start`'s demo seeding idempotent",
  }),
  rateBucket: get({
    id: 'S2',
    entity: 'rate',
    summary: 'rate-limit bucket of a public endpoint',
    params: ['scope', 'subject'],
    key: (scope: string, subject: string) => ({ pk: `RATE#${scope}#${subject}`, sk: 'RATE' }),
    notes: 'expires by TTL (`expiresAt`)',
  }),
} as const;

export type PatternName = keyof typeof patterns;
