// The action items resource: one list across meetings (loaded on demand).
import { lazy } from 'react';
import TaskAltIcon from '@mui/icons-material/TaskAlt';

export const actions = { name: 'actions', icon: TaskAltIcon, list: lazy(() => import('./ActionList.tsx')), recordRepresentation: 'title' };
