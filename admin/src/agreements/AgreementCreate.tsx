// A new learning-venue agreement; from a company's page the company is filled in.
import { Create } from 'react-admin';
import { AgreementInput } from '#shared/relations/schema.ts';
import { toBody } from '../data/forms.ts';
import { AgreementForm } from './AgreementForm.tsx';

export default function AgreementCreate() {
  return (
    <Create redirect="show" transform={toBody(AgreementInput)}>
      <AgreementForm create />
    </Create>
  );
}
