// Edit an offer; pessimistic, so that a version conflict or a field error from the server reaches the form.
import { Edit } from 'react-admin';
import { OfferInput } from '#shared/offers/schema.ts';
import { toBody } from '../data/forms.ts';
import { OfferForm } from './OfferForm.tsx';

export default function OfferEdit() {
  return (
    <Edit transform={toBody(OfferInput)} mutationMode="pessimistic" redirect="list">
      <OfferForm />
    </Edit>
  );
}
