// The reports resource: monthly reports by month, each with its figures, files and recipients.
import { lazy } from 'react';
import AssessmentIcon from '@mui/icons-material/Assessment';

export const reports = {
  name: 'reports',
  icon: AssessmentIcon,
  list: lazy(() => import('./ReportList.tsx')),
  show: lazy(() => import('./ReportShow.tsx')),
  recordRepresentation: 'month',
};
