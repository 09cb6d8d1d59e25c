// The needs create form view.
import { Create } from 'react-admin';
import { NeedInput } from '#shared/needs/schema.ts';
import { toBody } from '../data/forms.ts';
import { NeedForm } from './NeedForm.tsx';

export default function NeedCreate() {
  return (
    <Create redirect="show" transform={toBody(NeedInput)} title="amon.ui.needs.bedarf_erfassen">
      <NeedForm />
    </Create>
  );
}
