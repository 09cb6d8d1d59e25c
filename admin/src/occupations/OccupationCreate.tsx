// Add an occupation to the list (admins): a real five-digit KldB 2010 code, the training duration and the competent body.
import { Create, NumberInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { OccupationInput } from '#shared/occupations/schema.ts';
import { schemaResolver, toBody } from '../data/forms.ts';
import { chamberChoices } from './choices.ts';

const resolver = schemaResolver(OccupationInput);

export default function OccupationCreate() {
  return (
    <Create transform={toBody(OccupationInput)} redirect="list">
      <SimpleForm resolver={resolver} defaultValues={{ chamber: 'ihk', months: 36 }}>
        <TextInput source="title" fullWidth />
        <TextInput source="code" helperText="amon.ui.occupations.fuenfstelliger_kldb_2010_code" />
        <NumberInput source="months" />
        <SelectInput source="chamber" choices={chamberChoices} />
        <TextInput source="competentBody" fullWidth />
      </SimpleForm>
    </Create>
  );
}
