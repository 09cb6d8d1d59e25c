// The identity port: the user admin talks to this; the local table store and Cognito are its two adapters.
import type { Actor } from '../audit/entry.ts';
import type { Page } from '../schema-kit.ts';
import type { User, UserInvite, UserListQuery, UserUpdate } from './schema.ts';

export interface UserDirectory {
  list(query: UserListQuery): Promise<Page<User>>;
  get(id: string): Promise<User>;
  /** Creates the user and sends the invitation with a temporary password. */
  invite(input: UserInvite, actor: Actor): Promise<User>;
  update(id: string, input: UserUpdate, actor: Actor): Promise<User>;
}

/** An administrator may not lock themselves out. */
export function guardSelf(id: string, input: UserUpdate, actor: Actor): string | undefined {
  if (id !== actor.id) return undefined;
  if (!input.enabled) return 'Sie können Ihr eigenes Konto nicht deaktivieren.';
  if (!input.roles.includes('admin')) return 'Sie können sich die Rolle Administration nicht selbst entziehen.';
  return undefined;
}
