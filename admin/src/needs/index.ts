// The needs resource: companies' needs for staff (from surveys or recorded by hand) with their ranked candidates.
import { lazy } from 'react';
import WorkIcon from '@mui/icons-material/Work';

export const needs = {
  name: 'needs',
  icon: WorkIcon,
  list: lazy(() => import('./NeedList.tsx')),
  show: lazy(() => import('./NeedShow.tsx')),
  create: lazy(() => import('./NeedCreate.tsx')),
  edit: lazy(() => import('./NeedEdit.tsx')),
  recordRepresentation: 'occupationTitle',
};
