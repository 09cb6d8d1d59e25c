// The meetings resource: calendar and list, the meeting page with attendance and action items, create and edit.
import { lazy } from 'react';
import EventIcon from '@mui/icons-material/Event';

export const meetings = {
  name: 'meetings',
  icon: EventIcon,
  list: lazy(() => import('./MeetingList.tsx')),
  show: lazy(() => import('./MeetingShow.tsx')),
  create: lazy(() => import('./MeetingCreate.tsx')),
  edit: lazy(() => import('./MeetingEdit.tsx')),
  recordRepresentation: 'title',
};
