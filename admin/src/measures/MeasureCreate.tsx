// Set up a group measure.
import { Create } from 'react-admin';
import { MeasureInput } from '#shared/measures/schema.ts';
import { toBody } from '../data/forms.ts';
import { MeasureForm } from './MeasureForm.tsx';

export default function MeasureCreate() {
  return (
    <Create transform={toBody(MeasureInput)} redirect="show">
      <MeasureForm />
    </Create>
  );
}
