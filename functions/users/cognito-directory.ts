// The AWS identity adapter: staff users in the Cognito user pool, roles as its groups; Cognito sends the invitation.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { auditItem, type Actor } from '#shared/audit/entry.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { guardSelf, type UserDirectory } from '#shared/users/directory.ts';
import { isRole } from '#shared/users/roles.ts';
import type { User } from '#shared/users/schema.ts';
import { putItem, type Db } from '#shared/table/access.ts';
import { writeSet } from '#shared/table/write-set.ts';
import { sessionGuard } from '#shared/users/sessions.ts';

const attr = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value ?? '';

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string, db: Db): UserDirectory {
  const sessions = sessionGuard(db);
  const rolesOf = async (username: string) => {
    const out = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
    return (out.Groups ?? []).flatMap((g) => (g.GroupName && isRole(g.GroupName) ? [g.GroupName] : []));
  };
  const toUser = async (u: {
    Username?: string;
    Attributes?: AttributeType[];
    UserAttributes?: AttributeType[];
    Enabled?: boolean;
    UserStatus?: string;
    UserCreateDate?: Date;
    UserLastModifiedDate?: Date;
  }): Promise<User> => {
    const attributes = u.Attributes ?? u.UserAttributes;
    return {
      id: u.Username ?? '',
      email: attr(attributes, 'email'),
      name: attr(attributes, 'name'),
      roles: await rolesOf(u.Username ?? ''),
      enabled: u.Enabled ?? false,
      status: u.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
      createdAt: (u.UserCreateDate ?? new Date(0)).toISOString(),
      updatedAt: (u.UserLastModifiedDate ?? new Date(0)).toISOString(),
    };
  };
  const audit = (actor: Actor, action: 'create' | 'update', id: string, fields: string[]) =>
    putItem(db, auditItem(actor, action, 'user', id, fields, new Date()));
  const get = async (id: string) => {
    try {
      return await toUser(await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: id })));
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') throw new NotFound('Das Konto wurde nicht gefunden.');
      throw error;
    }
  };

  return {
    async list(q) {
      const out = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, Limit: Math.min(q.limit, 60), PaginationToken: q.cursor }));
      return { items: await Promise.all((out.Users ?? []).map(toUser)), nextCursor: out.PaginationToken ?? null };
    },
    get,
    async invite(input, actor) {
      try {
        const out = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: input.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: input.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: input.name },
            ],
          }),
        );
        const id = out.User?.Username ?? '';
        for (const role of input.roles) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: id, GroupName: role }));
        await audit(actor, 'create', id, ['email', 'name', 'roles']);
        return await get(id);
      } catch (error) {
        if ((error as Error).name === 'UsernameExistsException') {
          throw new Conflict('Zu dieser E-Mail-Adresse gibt es schon ein Konto.', 'email_taken', [{ path: 'email', message: 'bereits vergeben' }]);
        }
        throw error;
      }
    },
    async update(id, input, actor) {
      const problem = guardSelf(id, input, actor);
      if (problem) throw new Conflict(problem, 'self_lockout');
      const before = await get(id);
      const base = { UserPoolId: userPoolId, Username: id };
      if (before.name !== input.name)
        await client.send(new AdminUpdateUserAttributesCommand({ ...base, UserAttributes: [{ Name: 'name', Value: input.name }] }));
      for (const role of input.roles.filter((r) => !before.roles.includes(r))) await client.send(new AdminAddUserToGroupCommand({ ...base, GroupName: role }));
      for (const role of before.roles.filter((r) => !input.roles.includes(r)))
        await client.send(new AdminRemoveUserFromGroupCommand({ ...base, GroupName: role }));
      if (before.enabled !== input.enabled) await client.send(input.enabled ? new AdminEnableUserCommand(base) : new AdminDisableUserCommand(base));
      const fields = (['name', 'roles', 'enabled'] as const).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(input[f]));
      if (fields.includes('enabled') || fields.includes('roles')) {
        // The ID tokens already issued stop at the next request; global sign-out revokes the refresh tokens.
        await client.send(new AdminUserGlobalSignOutCommand(base));
        await writeSet(db)
          .put(sessions.revocation(id, new Date(), input))
          .commit();
      }
      await audit(actor, 'update', id, [...fields]);
      return get(id);
    },
  };
}
