// The offer form used by create and edit, validated with the shared OfferInput schema.
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Stack, Typography } from '@mui/material';
import { OfferInput } from '#shared/offers/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { districtChoices, formatChoices, offerKindChoices } from './choices.ts';

const resolver = schemaResolver(OfferInput);

export function OfferForm() {
  const t = useTranslate();
  return (
    <SimpleForm resolver={resolver} defaultValues={{ kind: 'qualification_module', format: 'part_time', azav: false, startDates: [''], places: 12 }}>
      <ReferenceInput source="providerMemberId" reference="members" filter={{ kind: 'training_provider' }} perPage={100}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="resources.offers.fields.providerMemberId" fullWidth />
      </ReferenceInput>
      <TextInput source="title" fullWidth />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="occupationCode" helperText="resources.offers.help.occupationCode" />
        <SelectInput source="kind" choices={offerKindChoices} />
        <NumberInput source="hours" />
        <SelectInput source="format" choices={formatChoices} />
        <NumberInput source="places" />
      </Stack>
      <ArrayInput source="startDates">
        <SimpleFormIterator inline disableReordering>
          <DateInput source="" label="resources.offers.fields.startDate" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="district" choices={districtChoices} />
        <TextInput source="place" fullWidth />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <NumberInput source="costEuro" />
        <BooleanInput source="azav" helperText="resources.offers.help.azav" />
      </Stack>
      <TextInput source="description" multiline minRows={3} fullWidth />
      <Typography variant="subtitle2" component="h2">
        {t('resources.offers.sections.contact')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="contact.name" />
        <TextInput source="contact.email" type="email" />
        <TextInput source="contact.phone" />
      </Stack>
    </SimpleForm>
  );
}
