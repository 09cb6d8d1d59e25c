// The layout: react-admin's, with a menu that adds the settings page for administrators.
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu, usePermissions } from 'react-admin';
import SettingsIcon from '@mui/icons-material/Settings';

function AmonMenu() {
  const { permissions } = usePermissions<string[]>();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {permissions?.includes('admin') && <Menu.Item to="/einstellungen" primaryText="Einstellungen" leftIcon={<SettingsIcon />} />}
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={AmonMenu}>{children}</RaLayout>;
}
