// The companies resource: list, show, create and edit views (loaded on demand) and the import page.
import { lazy } from 'react';
import BusinessIcon from '@mui/icons-material/Business';

const views = () => import('./views.tsx');

export const companies = {
  name: 'companies',
  icon: BusinessIcon,
  list: lazy(() => views().then((m) => ({ default: m.CompanyList }))),
  show: lazy(() => views().then((m) => ({ default: m.CompanyShow }))),
  create: lazy(() => views().then((m) => ({ default: m.CompanyCreate }))),
  edit: lazy(() => views().then((m) => ({ default: m.CompanyEdit }))),
  recordRepresentation: 'name',
};

export const CompanyImport = lazy(() => import('./CompanyImport.tsx'));
