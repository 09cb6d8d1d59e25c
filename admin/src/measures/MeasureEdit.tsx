// Change a group measure; pessimistic, so a version conflict or a field error reaches the form. A changed plan
// reaches every participant as a job, whose progress the measure's page shows.
import { Edit } from 'react-admin';
import { MeasureInput } from '#shared/measures/schema.ts';
import { toBody } from '../data/forms.ts';
import { MeasureForm } from './MeasureForm.tsx';

export default function MeasureEdit() {
  return (
    <Edit transform={toBody(MeasureInput)} mutationMode="pessimistic" redirect="show">
      <MeasureForm />
    </Edit>
  );
}
