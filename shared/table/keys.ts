// Every partition and sort key of the table is built here, by name. docs/data-model.md lists the access patterns.

const SEP = '#';

/** Keys of one item on the table (pk/sk) and on any GSIs it is projected into. */
export type ItemKeys = { pk: string; sk: string } & Partial<Record<`gsi${1 | 2 | 3 | 4 | 5 | 6 | 7}${'pk' | 'sk'}`, string>>;

/** A sort key that orders by folded name and stays unique: "mueller gmbh#01J…". */
export const byName = (folded: string, id: string) => `${folded}${SEP}${id}`;

export const keys = {
  // ── Network members ─────────────────────────────────────────────
  /** Get a member by id. */
  member: (id: string) => ({ pk: `MEMBER${SEP}${id}`, sk: 'MEMBER' }),
  /** gsi1: all members, by name (list and prefix search). */
  membersByName: () => 'MEMBERS',
  /** gsi2: members of one kind, by name. */
  membersByKind: (kind: string) => `MEMBERS${SEP}KIND${SEP}${kind}`,
  /** gsi3 (sparse): steering-committee members, by name. */
  membersInSteeringCommittee: () => `MEMBERS${SEP}STEERING`,
  /** gsi4 (sparse): members subscribed to the monthly digest, by name. */
  membersSubscribed: () => `MEMBERS${SEP}DIGEST`,

  // ── Staff users (the local identity store; Cognito holds them in AWS) ──
  /** Get a user by id (the JWT `sub`). */
  user: (id: string) => ({ pk: `USER${SEP}${id}`, sk: 'USER' }),
  /** Guards e-mail uniqueness and finds a user by e-mail at sign-in. */
  userEmail: (email: string) => ({ pk: `USEREMAIL${SEP}${email.toLowerCase()}`, sk: 'USEREMAIL' }),
  /** gsi1: all users by e-mail. */
  usersByEmail: () => 'USERS',
  /** The session mark of a user (both worlds): tokens issued up to `tokensValidAfter` no longer count. Every staff
   *  function reads it; it lives apart from USER# so reading it reveals no account data. */
  session: (userId: string) => ({ pk: `SESSION${SEP}${userId}`, sk: 'SESSION' }),

  // ── Cases (personal data: admin and counsellors only) ──────────
  /** The case partition: the case item and all its children, read in one Query. */
  casePartition: (id: string) => `CASE${SEP}${id}`,
  case: (id: string) => ({ pk: `CASE${SEP}${id}`, sk: 'CASE' }),
  /** Child sort keys inside the case partition. */
  caseChild: (kind: string, childId: string) => `${kind.toUpperCase()}${SEP}${childId}`,
  caseExam: () => 'EXAM',
  caseOutcome: () => 'OUTCOME',
  caseHistory: (at: string, eventId: string) => `HISTORY${SEP}${at}${SEP}${eventId}`,
  /** gsi1: cases in one status, by the time they entered it (retention reads the closed ones). */
  casesByStatus: (status: string) => `CASES${SEP}STATUS${SEP}${status}`,
  /** gsi2: cases of one counsellor, by last update. */
  casesByCounsellor: (counsellorId: string) => `CASES${SEP}COUNSELLOR${SEP}${counsellorId}`,
  /** gsi3 (sparse): a counsellor's cases with an open follow-up, by follow-up date. */
  followUpsOf: (counsellorId: string) => `FOLLOWUP${SEP}${counsellorId}`,
  /** gsi3 (sparse): cases whose anonymisation started and has not finished, oldest first (the retention job finishes them). */
  anonymisationsPending: () => `CASES${SEP}ANONYMISING`,
  /** gsi4: all cases, by last update. */
  casesByUpdate: () => 'CASES',
  /** gsi5: all cases by folded "last first" name (name-prefix search). */
  casesByName: () => `CASES${SEP}NAME`,
  /** gsi6 (sparse): cases open for placement (counselling, plan, qualification) by the 3-digit KldB group of their
   *  target occupation, sorted by the 5-digit code: one Query finds every candidate for a need. */
  candidatesInGroup: (code: string) => `CANDIDATES${SEP}GROUP${SEP}${code.slice(0, 3)}`,
  /** A match of the case with one need, in the case partition (erasing the case erases its matches). */
  match: (caseId: string, needId: string) => ({ pk: `CASE${SEP}${caseId}`, sk: `MATCH${SEP}${needId}` }),
  matchPrefix: () => `MATCH${SEP}`,
  /** gsi1: the matches proposed for one need, newest first. */
  matchesOfNeed: (needId: string) => `MATCHES${SEP}NEED${SEP}${needId}`,
  /** gsi2: matches in one state, by last change (the placement pipeline). */
  matchesInState: (state: string) => `MATCHES${SEP}STATE${SEP}${state}`,
  /** Finds a case by its human-readable number. */
  caseNumber: (number: string) => ({ pk: `CASENO${SEP}${number}`, sk: 'CASENO' }),
  /** The atomic counter that hands out case numbers per year. */
  caseNumberSequence: (year: string) => ({ pk: `CASENUMBER${SEP}${year}`, sk: 'SEQUENCE' }),
  /** Cases with the same folded name and birth date (duplicate warning); sk is the case id. */
  caseDuplicates: (foldedName: string, birthDate: string) => `CASEDUP${SEP}${foldedName}${SEP}${birthDate}`,

  // ── Companies ───────────────────────────────────────────────────
  company: (id: string) => ({ pk: `COMPANY${SEP}${id}`, sk: 'COMPANY' }),
  /** gsi1: all companies by name (prefix search). */
  companiesByName: () => 'COMPANIES',
  /** gsi2: companies of one WZ section, by name. */
  companiesBySector: (section: string) => `COMPANIES${SEP}SECTOR${SEP}${section}`,
  /** gsi3: companies of one district, by name. */
  companiesByDistrict: (district: string) => `COMPANIES${SEP}DISTRICT${SEP}${district}`,
  /** gsi4: companies of one size class, by name. */
  companiesBySize: (size: string) => `COMPANIES${SEP}SIZE${SEP}${size}`,
  /** Companies with the same folded name and postcode (duplicate warning); sk is the company id. */
  companyDuplicates: (foldedName: string, postcode: string) => `COMPANYDUP${SEP}${foldedName}${SEP}${postcode}`,

  // ── Survey campaigns ──────────────────────────────────────────
  /** The campaign partition: the campaign item, its invitations (one per company, with the answers) and its need records. */
  campaignPartition: (id: string) => `CAMPAIGN${SEP}${id}`,
  campaign: (id: string) => ({ pk: `CAMPAIGN${SEP}${id}`, sk: 'CAMPAIGN' }),
  /** The invitation of one company to one campaign; its answers live on the same item. */
  invitation: (campaignId: string, companyId: string) => ({ pk: `CAMPAIGN${SEP}${campaignId}`, sk: `INVITATION${SEP}${companyId}` }),
  invitationPrefix: () => `INVITATION${SEP}`,
  /** One need record: an occupation-and-headcount row of a company's answer, as given (the results read them). */
  need: (campaignId: string, companyId: string, questionId: string, row: number) => ({
    pk: `CAMPAIGN${SEP}${campaignId}`,
    sk: `NEED${SEP}${companyId}${SEP}${questionId}${SEP}${String(row).padStart(2, '0')}`,
  }),
  needPrefix: () => `NEED${SEP}`,
  /** gsi1: all campaigns, by opening date. */
  campaignsByDate: () => 'CAMPAIGNS',
  /** gsi2: campaigns of one kind, by opening date (waves to compare). */
  campaignsByKind: (kind: string) => `CAMPAIGNS${SEP}KIND${SEP}${kind}`,
  /** gsi3: campaigns in one status, by closing date (the reminder job reads the open ones). */
  campaignsByStatus: (status: string) => `CAMPAIGNS${SEP}STATUS${SEP}${status}`,
  /** gsi1: the invitations of one company across campaigns. */
  invitationsOfCompany: (companyId: string) => `INVITATIONS${SEP}COMPANY${SEP}${companyId}`,

  // ── Needs (a company's need for staff in one occupation, from a survey answer or recorded by hand) ──
  companyNeed: (id: string) => ({ pk: `NEED${SEP}${id}`, sk: 'NEED' }),
  /** gsi7 (sparse, narrow projection): open needs by the 3-digit KldB group, sorted by the 5-digit code: ranking a case is one Query. */
  openNeedsInGroup: (code: string) => `NEEDS${SEP}OPEN${SEP}GROUP${SEP}${code.slice(0, 3)}`,
  /** gsi2: needs in one status, newest statement first (the needs list). */
  needsInStatus: (status: string) => `NEEDS${SEP}STATUS${SEP}${status}`,
  /** gsi3: the needs of one company, newest statement first. */
  needsOfCompanyByDate: (companyId: string) => `NEEDS${SEP}OF${SEP}${companyId}`,

  // ── Network meetings ──────────────────────────────────────────
  /** The meeting partition: the meeting item (invitees and attendance on it) and its action items. */
  meetingPartition: (id: string) => `MEETING${SEP}${id}`,
  meeting: (id: string) => ({ pk: `MEETING${SEP}${id}`, sk: 'MEETING' }),
  action: (meetingId: string, actionId: string) => ({ pk: `MEETING${SEP}${meetingId}`, sk: `ACTION${SEP}${actionId}` }),
  actionPrefix: () => `ACTION${SEP}`,
  /** gsi1: all meetings by Berlin start time (calendar, next meetings, attendance rates). */
  meetingsByTime: () => 'MEETINGS',
  /** gsi2: meetings of one kind by start time. */
  meetingsByKind: (kind: string) => `MEETINGS${SEP}KIND${SEP}${kind}`,
  /** gsi1: action items in one status by due date (open items carry over to agendas and the report). */
  actionsByStatus: (status: string) => `ACTIONS${SEP}${status}`,
  /** gsi2: action items of one owner (a member), by status and due date. */
  actionsOfOwner: (memberId: string) => `ACTIONS${SEP}OWNER${SEP}${memberId}`,

  // ── Monthly reports ─────────────────────────────────────────────
  /** The report partition of one month: the report item (figures, file keys) and one delivery record per recipient. */
  reportPartition: (month: string) => `REPORT${SEP}${month}`,
  report: (month: string) => ({ pk: `REPORT${SEP}${month}`, sk: 'REPORT' }),
  delivery: (month: string, recipient: string) => ({ pk: `REPORT${SEP}${month}`, sk: `DELIVERY${SEP}${recipient}` }),
  deliveryPrefix: () => `DELIVERY${SEP}`,
  /** gsi1: all reports by month. */
  reportsByMonth: () => 'REPORTS',

  // ── Occupations list ────────────────────────────────────────────
  occupation: (id: string) => ({ pk: `OCCUPATION${SEP}${id}`, sk: 'OCCUPATION' }),
  /** gsi1: all occupations by title. */
  occupationsByTitle: () => 'OCCUPATIONS',

  // ── Settings ────────────────────────────────────────────────────
  settings: () => ({ pk: 'SETTINGS', sk: 'PROGRAMME' }),

  // ── Audit log ─────────────────────────────────────────────────
  /** Audit entries of one record, oldest first. sk: ISO time#ulid. */
  auditOfRecord: (type: string, id: string) => `AUDIT${SEP}${type}${SEP}${id}`,
  /** gsi1: audit entries written by one user. */
  auditOfUser: (userId: string) => `AUDITUSER${SEP}${userId}`,

  // ── Report feed ──────────────────────────────────────────────
  /** Event items of one month (Europe/Berlin), read by the monthly report in one Query. */
  eventsOfMonth: (month: string) => `EVENTS${SEP}${month}`,
  /** The current counters, one item. */
  counters: () => ({ pk: 'COUNTERS', sk: 'CURRENT' }),

  // ── Public endpoint protection ──────────────────────────────────
  /** Marks that a demo data set was seeded, so a second start does not seed it again. */
  seedMarker: (name: string) => ({ pk: 'SEED', sk: name }),
  rateBucket: (scope: string, subject: string) => ({ pk: `RATE${SEP}${scope}${SEP}${subject}`, sk: 'RATE' }),
} as const;
