// The survey campaigns resource: list, show (invitations, results, wave comparison), create and edit with the question builder.
import { lazy } from 'react';
import PollIcon from '@mui/icons-material/Poll';

const views = () => import('./views.tsx');

export const campaigns = {
  name: 'campaigns',
  icon: PollIcon,
  list: lazy(() => views().then((m) => ({ default: m.CampaignList }))),
  show: lazy(() => views().then((m) => ({ default: m.CampaignShow }))),
  create: lazy(() => views().then((m) => ({ default: m.CampaignCreate }))),
  edit: lazy(() => views().then((m) => ({ default: m.CampaignEdit }))),
  recordRepresentation: 'title',
};
