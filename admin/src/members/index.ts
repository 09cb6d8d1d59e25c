// The members resource: list, show, create and edit views (loaded on demand) and its icon.
import { lazy } from 'react';
import HubIcon from '@mui/icons-material/Hub';

export const members = {
  name: 'members',
  icon: HubIcon,
  list: lazy(() => import('./MemberList.tsx')),
  show: lazy(() => import('./MemberShow.tsx')),
  create: lazy(() => import('./MemberCreate.tsx')),
  edit: lazy(() => import('./MemberEdit.tsx')),
  recordRepresentation: 'name',
};
