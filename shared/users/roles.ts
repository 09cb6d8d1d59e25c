// Staff roles: Cognito groups in AWS, the same `cognito:groups` claim from the local sign-in.
import * as z from 'zod';

export const ROLES = ['admin', 'counsellor', 'coordinator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Every staff role: for routes that any signed-in staff member may use. */
export const STAFF: readonly Role[] = ROLES;

/** The roles that see cases and so a participant's personal data; coordinators see aggregates and pseudonyms only. */
export const CASE_ROLES = ['admin', 'counsellor'] as const satisfies readonly Role[];
export const seesCases = (roles: readonly string[] | undefined) => Boolean(roles?.some((r) => (CASE_ROLES as readonly string[]).includes(r)));
