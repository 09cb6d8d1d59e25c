// The reports resource: monthly reports by month, each with its figures, files and recipients.
import { lazy } from 'react';
import AssessmentIcon from '@mui/icons-material/Assessment';

const views = () => import('./views.tsx');

export const reports = {
  name: 'reports',
  icon: AssessmentIcon,
  list: lazy(() => views().then((m) => ({ default: m.ReportList }))),
  show: lazy(() => views().then((m) => ({ default: m.ReportShow }))),
  recordRepresentation: 'month',
};
