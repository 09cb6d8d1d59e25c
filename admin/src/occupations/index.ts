// The occupations resource: list for all staff, create for admins.
import { lazy } from 'react';
import WorkIcon from '@mui/icons-material/Work';

export const occupations = {
  name: 'occupations',
  icon: WorkIcon,
  list: lazy(() => import('./OccupationList.tsx')),
  create: lazy(() => import('./OccupationCreate.tsx')),
  recordRepresentation: 'title',
};
