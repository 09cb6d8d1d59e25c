// Every partition and sort key of the table is built here, by name. docs/data-model.md lists the access patterns.

const SEP = '#';

/** Keys of one item on the table (pk/sk) and on any GSIs it is projected into. */
export type ItemKeys = { pk: string; sk: string } & Partial<Record<`gsi${1 | 2 | 3 | 4 | 5}${'pk' | 'sk'}`, string>>;

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
