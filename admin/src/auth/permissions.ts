// What the signed-in roles allow on screen (the API checks the same roles; this only hides what would be refused).

/** Coordinators and admins change network, company and survey records; counsellors read them. */
/** Admins and counsellors see cases (and names); coordinators never do. */
export { seesCases } from '#shared/users/roles.ts';

export const canEdit = (permissions: string[] | undefined) => Boolean(permissions?.some((p) => p === 'admin' || p === 'coordinator'));
