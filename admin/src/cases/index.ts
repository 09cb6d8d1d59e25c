// The cases resource (admins and counsellors): list, show, create and edit views, loaded on demand.
import { lazy } from 'react';
import FolderSharedIcon from '@mui/icons-material/FolderShared';

export const cases = {
  name: 'cases',
  icon: FolderSharedIcon,
  list: lazy(() => import('./CaseList.tsx')),
  show: lazy(() => import('./CaseShow.tsx')),
  create: lazy(() => import('./CaseCreate.tsx')),
  edit: lazy(() => import('./CaseEdit.tsx')),
  recordRepresentation: 'number',
};

export const CaseImport = lazy(() => import('./CaseImport.tsx'));
