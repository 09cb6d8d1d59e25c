// The measures resource: group measures (Gruppenmaßnahmen); counsellors run them, coordinators read their figures.
import { lazy } from 'react';
import GroupsIcon from '@mui/icons-material/Groups';

export const measures = {
  name: 'measures',
  icon: GroupsIcon,
  list: lazy(() => import('./MeasureList.tsx')),
  show: lazy(() => import('./MeasureShow.tsx')),
  create: lazy(() => import('./MeasureCreate.tsx')),
  edit: lazy(() => import('./MeasureEdit.tsx')),
  recordRepresentation: 'title',
};
