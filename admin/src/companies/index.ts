// The companies resource: list, show, create and edit views (loaded on demand) and the import page.
import { lazy } from 'react';
import BusinessIcon from '@mui/icons-material/Business';

export const companies = {
  name: 'companies',
  icon: BusinessIcon,
  list: lazy(() => import('./CompanyList.tsx')),
  show: lazy(() => import('./CompanyShow.tsx')),
  create: lazy(() => import('./CompanyCreate.tsx')),
  edit: lazy(() => import('./CompanyEdit.tsx')),
  recordRepresentation: 'name',
};

export const CompanyImport = lazy(() => import('./CompanyImport.tsx'));
