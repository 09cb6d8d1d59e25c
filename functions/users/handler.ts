// /api/users: staff accounts and their roles (admins only), in the local store or in Cognito.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '#shared/users/directory.ts';
import { sessionGuard } from '#shared/users/sessions.ts';
import { database } from '../clients.ts';
import { config } from '../config.ts';
import { mailTransport } from '../email/transport.ts';
import { api } from '../http/route.ts';
import { usersContract } from './contract.ts';
import { cognitoDirectory } from './cognito-directory.ts';
import { tableDirectory } from './table-directory.ts';

function directory(): UserDirectory {
  const cfg = config();
  if (cfg.IDENTITY_PROVIDER === 'cognito') {
    if (!cfg.USER_POOL_ID) throw new Error('Invalid configuration: USER_POOL_ID is required with IDENTITY_PROVIDER=cognito');
    return cognitoDirectory(new CognitoIdentityProviderClient({ region: cfg.AWS_REGION }), cfg.USER_POOL_ID, database());
  }
  return tableDirectory(database(), mailTransport(), cfg.SITE_URL);
}

const users = directory();

export const handler = api(
  usersContract,
  {
    list: ({ query }) => users.list(query),
    get: ({ params }) => users.get(params.id),
    invite: ({ body, user }) => users.invite(body, user),
    update: ({ params, body, user }) => users.update(params.id, body, user),
  },
  { sessions: sessionGuard(database()) },
);
