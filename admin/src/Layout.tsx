// The layout: react-admin's, with a menu that adds the settings page for administrators and a user menu named by the user.
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, Menu, UserMenu, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import SettingsIcon from '@mui/icons-material/Settings';
import KeyIcon from '@mui/icons-material/Key';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { runtimeConfig } from './config.ts';
import { DemoBanner } from './DemoBanner.tsx';

function AmonMenu() {
  const { permissions } = usePermissions<string[]>();
  const t = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/wiedervorlagen-betriebe" primaryText={t('amon.relations.followups.menu')} leftIcon={<EventRepeatIcon />} />
      <Menu.ResourceItems />
      {permissions?.includes('admin') && <Menu.Item to="/einstellungen" primaryText={t('amon.ui.settings.einstellungen')} leftIcon={<SettingsIcon />} />}
      {runtimeConfig().auth.kind === 'local' && <Menu.Item to="/passwort" primaryText={t('amon.ui.account.passwort_aendern')} leftIcon={<KeyIcon />} />}
    </Menu>
  );
}

/** The user menu's button shows the signed-in name; its accessible name must contain that text (axe: label-content-name-mismatch). */
function AmonUserMenu() {
  const { identity } = useGetIdentity();
  const t = useTranslate();
  return <UserMenu label={identity?.fullName ? t('amon.user_menu_of', { name: identity.fullName }) : 'ra.auth.user_menu'} />;
}

/**
 * react-admin's toolbar (language menu, refresh and the loading spinner), with a name for the spinner: it shows while
 * any request runs, a job's progress polling too, and axe requires a progress bar to have one (aria-progressbar-name).
 * LoadingIndicator hands extra props to its CircularProgress.
 */
function AmonToolbar() {
  const t = useTranslate();
  return (
    <>
      <LoadingIndicator {...{ 'aria-label': t('amon.table.loading') }} />
    </>
  );
}

const AmonAppBar = () => <AppBar userMenu={<AmonUserMenu />} toolbar={<AmonToolbar />} />;

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={AmonMenu} appBar={AmonAppBar}>
      <DemoBanner />
      {children}
    </RaLayout>
  );
}
