// The survey campaigns resource: list, show (invitations, results, wave comparison), create and edit with the question builder.
import { lazy } from 'react';
import PollIcon from '@mui/icons-material/Poll';

export const campaigns = {
  name: 'campaigns',
  icon: PollIcon,
  list: lazy(() => import('./CampaignList.tsx')),
  show: lazy(() => import('./CampaignShow.tsx')),
  create: lazy(() => import('./CampaignCreate.tsx')),
  edit: lazy(() => import('./CampaignEdit.tsx')),
  recordRepresentation: 'title',
};
