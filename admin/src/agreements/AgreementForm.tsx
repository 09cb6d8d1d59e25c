// The agreement form of create and edit, validated with the shared schema.
import { AutocompleteArrayInput, AutocompleteInput, DateInput, NumberInput, ReferenceInput, SimpleForm, TextInput } from 'react-admin';
import { Stack } from '@mui/material';
import { AgreementInput } from '#shared/relations/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { occupationCodeChoices } from '../relations/choices.ts';

const resolver = schemaResolver(AgreementInput);

export function AgreementForm({ create = false }: { create?: boolean }) {
  return (
    <SimpleForm resolver={resolver} defaultValues={{ places: 1, occupationCodes: [] }}>
      <ReferenceInput source="companyId" reference="companies" perPage={25}>
        <AutocompleteInput
          optionText="name"
          filterToQuery={(q: string) => ({ q })}
          label="resources.agreements.fields.companyId"
          fullWidth
          disabled={!create}
        />
      </ReferenceInput>
      <AutocompleteArrayInput
        source="occupationCodes"
        choices={occupationCodeChoices}
        translateChoice={false}
        helperText="resources.agreements.help.occupationCodes"
        fullWidth
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <NumberInput source="places" />
        <DateInput source="startsOn" />
        <DateInput source="endsOn" helperText="resources.agreements.help.endsOn" />
      </Stack>
      <TextInput source="contactPerson" fullWidth />
      <TextInput source="notes" multiline minRows={3} fullWidth />
    </SimpleForm>
  );
}
