// The users resource (administrators only): list, invite and edit views, loaded on demand.
import { lazy } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';

export const users = {
  name: 'users',
  icon: ManageAccountsIcon,
  list: lazy(() => import('./UserList.tsx')),
  create: lazy(() => import('./UserCreate.tsx')),
  edit: lazy(() => import('./UserEdit.tsx')),
  recordRepresentation: 'email',
};
