// Changing an event (with its version); more places let people on the waiting list move up.
import { Edit } from 'react-admin';
import { EventInput } from '#shared/events/schema.ts';
import { toBody } from '../data/forms.ts';
import { EventForm } from './EventForm.tsx';

export default function EventEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toBody(EventInput)}>
      <EventForm />
    </Edit>
  );
}
