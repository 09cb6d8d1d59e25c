// The offers resource: the regional offer catalogue; staff search it, coordinators and admins keep it.
import { lazy } from 'react';
import SchoolIcon from '@mui/icons-material/School';

export const offers = {
  name: 'offers',
  icon: SchoolIcon,
  list: lazy(() => import('./OfferList.tsx')),
  create: lazy(() => import('./OfferCreate.tsx')),
  edit: lazy(() => import('./OfferEdit.tsx')),
  recordRepresentation: 'title',
};

export const OfferImport = lazy(() => import('./OfferImport.tsx'));
export const DemandSupplyPage = lazy(() => import('./DemandSupplyPage.tsx'));
