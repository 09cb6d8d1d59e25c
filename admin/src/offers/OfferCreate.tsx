// Create an offer of a network training provider.
import { Create } from 'react-admin';
import { OfferInput } from '#shared/offers/schema.ts';
import { toBody } from '../data/forms.ts';
import { OfferForm } from './OfferForm.tsx';

export default function OfferCreate() {
  return (
    <Create transform={toBody(OfferInput)} redirect="list">
      <OfferForm />
    </Create>
  );
}
