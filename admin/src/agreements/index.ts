// The agreements resource: learning-venue agreements (Lernortkooperationen) with companies; open to all staff.
import { lazy } from 'react';
import HomeWorkIcon from '@mui/icons-material/HomeWork';

export const agreements = {
  name: 'agreements',
  icon: HomeWorkIcon,
  list: lazy(() => import('./AgreementList.tsx')),
  show: lazy(() => import('./AgreementShow.tsx')),
  create: lazy(() => import('./AgreementCreate.tsx')),
  edit: lazy(() => import('./AgreementEdit.tsx')),
  recordRepresentation: (a: { companyName: string; startsOn: string }) => `${a.companyName} (${a.startsOn.slice(0, 4)})`,
};
