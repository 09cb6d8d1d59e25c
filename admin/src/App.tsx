// The staff SPA: every resource listed in one place; what a role sees follows its permissions.
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import type { SiteConfig } from '#shared/site/headers.ts';
import { createAuthProvider, tokenOf, type StaffSession } from './auth/authProvider.ts';
import { createDataProvider } from './data/dataProvider.ts';
import { canEdit, seesCases } from './auth/permissions.ts';
import { i18nProvider } from './i18n/index.ts';
import { Layout } from './Layout.tsx';
import { amonTheme } from './theme.ts';
import { HostedLoginPage, LocalLoginPage } from './LoginPage.tsx';
import { campaigns } from './campaigns/index.ts';
import { meetings } from './meetings/index.ts';
import { actions } from './actions/index.ts';
import { reports } from './reports/index.ts';
import { cases, CaseImport } from './cases/index.ts';
import { matches } from './matching/index.ts';
import { needs } from './needs/index.ts';
import { companies, CompanyImport } from './companies/index.ts';
import { members } from './members/index.ts';
import { occupations } from './occupations/index.ts';
import { DemandSupplyPage, OfferImport, offers } from './offers/index.ts';
import { measures } from './measures/index.ts';
import { users } from './users/index.ts';
import { jobs } from './jobs/index.ts';
import { agreements } from './agreements/index.ts';
import { events } from './events/index.ts';
import { newsletters, subscribers } from './newsletters/index.ts';

const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));
const PasswordPage = lazy(() => import('./account/PasswordPage.tsx'));
const CompanyFollowUps = lazy(() => import('./relations/FollowUpsPage.tsx'));

export function App({ config, staff }: { config: SiteConfig; staff: StaffSession }) {
  const authProvider = createAuthProvider(config, staff);
  const dataProvider = createDataProvider(config.apiUrl, () => tokenOf(staff));
  return (
    <Admin
      title="amoN"
      disableTelemetry
      requireAuth
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      theme={amonTheme}
      darkTheme={null}
      loginPage={config.auth.kind === 'cognito' ? HostedLoginPage : LocalLoginPage}
    >
      {(permissions: string[] = []) => (
        <>
          {seesCases(permissions) && <Resource {...cases} />}
          <Resource {...needs} />
          {seesCases(permissions) && <Resource {...matches} />}
          <Resource {...companies} />
          <Resource {...agreements} />
          <Resource {...campaigns} />
          <Resource {...members} />
          <Resource {...meetings} />
          <Resource {...events} />
          {canEdit(permissions) && <Resource {...newsletters} />}
          {canEdit(permissions) && <Resource {...subscribers} />}
          <Resource {...actions} />
          <Resource {...reports} />
          <Resource {...measures} />
          <Resource {...offers} />
          <Resource {...occupations} />
          {canEdit(permissions) && <Resource {...jobs} />}
          {permissions.includes('admin') && <Resource {...users} />}
          {config.auth.kind === 'local' && (
            <CustomRoutes>
              <Route path="/passwort" element={<PasswordPage />} />
            </CustomRoutes>
          )}
          <CustomRoutes>
            <Route path="/bedarf-angebot" element={<DemandSupplyPage />} />
            <Route path="/wiedervorlagen-betriebe" element={<CompanyFollowUps />} />
          </CustomRoutes>
          {(permissions.includes('admin') || permissions.includes('coordinator')) && (
            <CustomRoutes>
              <Route path="/betriebe-import" element={<CompanyImport />} />
              <Route path="/angebote-import" element={<OfferImport />} />
            </CustomRoutes>
          )}
          {permissions.includes('admin') && (
            <CustomRoutes>
              <Route path="/einstellungen" element={<SettingsPage />} />
              <Route path="/faelle-import" element={<CaseImport />} />
            </CustomRoutes>
          )}
        </>
      )}
    </Admin>
  );
}
