// The newsletter resources: issues (write, preview, test, send) and the public subscribers; for coordinators and admins.
import { lazy } from 'react';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import GroupAddIcon from '@mui/icons-material/GroupAdd';

export const newsletters = {
  name: 'newsletters',
  icon: MailOutlineIcon,
  list: lazy(() => import('./NewsletterList.tsx')),
  show: lazy(() => import('./NewsletterShow.tsx')),
  create: lazy(() => import('./NewsletterCreate.tsx')),
  edit: lazy(() => import('./NewsletterEdit.tsx')),
  recordRepresentation: (i: { title: string }) => i.title,
};

export const subscribers = {
  name: 'newsletter-subscribers',
  icon: GroupAddIcon,
  list: lazy(() => import('./SubscriberList.tsx')),
  recordRepresentation: (s: { email: string }) => s.email,
};
