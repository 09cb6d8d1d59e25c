// The needs resource: companies' needs for staff (from surveys or recorded by hand) with their ranked candidates.
import { lazy } from 'react';
import WorkIcon from '@mui/icons-material/Work';

const views = () => import('./views.tsx');

export const needs = {
  name: 'needs',
  icon: WorkIcon,
  list: lazy(() => views().then((m) => ({ default: m.NeedList }))),
  show: lazy(() => views().then((m) => ({ default: m.NeedShow }))),
  create: lazy(() => views().then((m) => ({ default: m.NeedCreate }))),
  edit: lazy(() => views().then((m) => ({ default: m.NeedEdit }))),
  recordRepresentation: 'occupationTitle',
};
