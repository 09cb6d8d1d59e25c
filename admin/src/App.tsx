// The staff SPA: every resource listed in one place; what a role sees follows its permissions.
import { lazy } from 'react';
import { Admin, Resource } from 'react-admin';
import type { SiteConfig } from '#shared/site/headers.ts';
import { createAuthProvider, session } from './auth/authProvider.ts';
import { createDataProvider } from './data/dataProvider.ts';
import { i18nProvider } from './i18n/index.ts';
import { HostedLoginPage, LocalLoginPage } from './LoginPage.tsx';
import { cases } from './cases/index.ts';
import { members } from './members/index.ts';
import { users } from './users/index.ts';

const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'));

export function App({ config }: { config: SiteConfig }) {
  const authProvider = createAuthProvider(config);
  const dataProvider = createDataProvider(config.apiUrl, async () => session.token());
  return (
    <Admin
      title="amoN"
      disableTelemetry
      requireAuth
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      loginPage={config.auth.kind === 'cognito' ? HostedLoginPage : LocalLoginPage}
    >
      {(permissions: string[] = []) => (
        <>
          {(permissions.includes('admin') || permissions.includes('counsellor')) && <Resource {...cases} />}
          <Resource {...members} />
          <Resource name="occupations" recordRepresentation="title" />
          {permissions.includes('admin') && <Resource {...users} />}
        </>
      )}
    </Admin>
  );
}
