// The meetings resource: calendar and list, the meeting page with attendance and action items, create and edit.
import { lazy } from 'react';
import EventIcon from '@mui/icons-material/Event';

const views = () => import('./views.tsx');

export const meetings = {
  name: 'meetings',
  icon: EventIcon,
  list: lazy(() => views().then((m) => ({ default: m.MeetingList }))),
  show: lazy(() => views().then((m) => ({ default: m.MeetingShow }))),
  create: lazy(() => views().then((m) => ({ default: m.MeetingCreate }))),
  edit: lazy(() => views().then((m) => ({ default: m.MeetingEdit }))),
  recordRepresentation: 'title',
};
