// Changing an agreement (with its version); its company stays.
import { Edit } from 'react-admin';
import { AgreementInput } from '#shared/relations/schema.ts';
import { toBody } from '../data/forms.ts';
import { AgreementForm } from './AgreementForm.tsx';

export default function AgreementEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toBody(AgreementInput)}>
      <AgreementForm />
    </Edit>
  );
}
