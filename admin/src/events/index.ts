// The events resource: conferences, workshops, counselling days and trainings with registration; open to all staff.
import { lazy } from 'react';
import EventIcon from '@mui/icons-material/Event';

export const events = {
  name: 'events',
  icon: EventIcon,
  list: lazy(() => import('./EventList.tsx')),
  show: lazy(() => import('./EventShow.tsx')),
  create: lazy(() => import('./EventCreate.tsx')),
  edit: lazy(() => import('./EventEdit.tsx')),
  recordRepresentation: (e: { title: string }) => e.title,
};
