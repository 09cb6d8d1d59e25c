// The meetings create form view.
import { Create } from 'react-admin';
import { MeetingInput } from '#shared/meetings/schema.ts';
import { toBody } from '../data/forms.ts';
import { MeetingForm } from './MeetingForm.tsx';

export default function MeetingCreate() {
  return (
    <Create redirect="show" transform={toBody(MeetingInput)}>
      <MeetingForm />
    </Create>
  );
}
