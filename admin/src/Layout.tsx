// The layout: react-admin's, with a menu that adds the settings page for administrators.
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu, usePermissions } from 'react-admin';
import SettingsIcon from '@mui/icons-material/Settings';
import KeyIcon from '@mui/icons-material/Key';
import { runtimeConfig } from './config.ts';

function AmonMenu() {
  const { permissions } = usePermissions<string[]>();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {permissions?.includes('admin') && <Menu.Item to="/einstellungen" primaryText="Einstellungen" leftIcon={<SettingsIcon />} />}
      {runtimeConfig().auth.kind === 'local' && <Menu.Item to="/passwort" primaryText="Passwort ändern" leftIcon={<KeyIcon />} />}
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={AmonMenu}>{children}</RaLayout>;
}
