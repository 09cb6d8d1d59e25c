// The meetings edit form view.
import { Edit } from 'react-admin';
import { MeetingUpdate } from '#shared/meetings/schema.ts';
import { toBody } from '../data/forms.ts';
import { MeetingForm } from './MeetingForm.tsx';

export default function MeetingEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={toBody(MeetingUpdate)}>
      <MeetingForm edit />
    </Edit>
  );
}
