// A new event: a draft until its registration is published.
import { Create } from 'react-admin';
import { EventInput } from '#shared/events/schema.ts';
import { toBody } from '../data/forms.ts';
import { EventForm } from './EventForm.tsx';

export default function EventCreate() {
  return (
    <Create redirect="show" transform={toBody(EventInput)}>
      <EventForm />
    </Create>
  );
}
