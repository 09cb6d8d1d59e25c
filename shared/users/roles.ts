// Staff roles: Cognito groups in AWS, the same `cognito:groups` claim from the local sign-in. No zod here: the admin's
// first screen and every function read the roles, and the schema of a user's roles lies in ./schema.ts.
export const ROLES = ['admin', 'counsellor', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a group name is one of amoN's roles. */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Every staff role: for routes that any signed-in staff member may use. */
export const STAFF: readonly Role[] = ROLES;

/** The roles that see cases and so a participant's personal data; coordinators see aggregates and pseudonyms only. */
export const CASE_ROLES = ['admin', 'counsellor'] as const satisfies readonly Role[];
export const seesCases = (roles: readonly string[] | undefined) => Boolean(roles?.some((r) => (CASE_ROLES as readonly string[]).includes(r)));
