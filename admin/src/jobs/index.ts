// The jobs resource: background work (sends, imports) with its progress and failed items, for admins and coordinators.
import { lazy } from 'react';
import WorkHistoryIcon from '@mui/icons-material/WorkHistory';

export const jobs = {
  name: 'jobs',
  icon: WorkHistoryIcon,
  list: lazy(() => import('./JobList.tsx')),
  show: lazy(() => import('./JobShow.tsx')),
  recordRepresentation: 'title',
};
