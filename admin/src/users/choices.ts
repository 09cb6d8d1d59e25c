// Select choices for staff accounts, from the shared enums.
import { ROLES } from '#shared/users/roles.ts';
import { choices } from '../format.ts';

export const roleChoices = choices(ROLES, 'amon.roles');
export const statusChoices = choices(['invited', 'active'], 'amon.user_status');
