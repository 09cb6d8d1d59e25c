// The matches resource (Vermittlungen): the placement pipeline by state, for admins and counsellors.
import { lazy } from 'react';
import HandshakeIcon from '@mui/icons-material/Handshake';

export const matches = {
  name: 'matches',
  icon: HandshakeIcon,
  list: lazy(() => import('./MatchList.tsx')),
};
