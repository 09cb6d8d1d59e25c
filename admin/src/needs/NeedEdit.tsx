// The needs edit form view.
import { Edit } from 'react-admin';
import { NeedUpdate } from '#shared/needs/schema.ts';
import { toBody } from '../data/forms.ts';
import { NeedForm } from './NeedForm.tsx';
import { Title } from './common.tsx';

export default function NeedEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={toBody(NeedUpdate)} title={<Title />}>
      <NeedForm edit />
    </Edit>
  );
}
