// The measure form of create and edit, validated with the shared schema: the measure, then its shared module plan.
import {
  ArrayInput,
  AutocompleteInput,
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
import { MeasureInput } from '#shared/measures/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { moduleKindChoices } from './choices.ts';
import { AgreementPicker } from '../agreements/AgreementPicker.tsx';

const resolver = schemaResolver(MeasureInput);

export function MeasureForm() {
  const t = useTranslate();
  return (
    <SimpleForm resolver={resolver} defaultValues={{ plannedPlaces: 12, womenTargetPercent: 0, modules: [] }}>
      <TextInput source="title" fullWidth />
      <ReferenceInput source="targetOccupationId" reference="occupations" perPage={100}>
        <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} label="resources.measures.fields.targetOccupationId" fullWidth />
      </ReferenceInput>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <ReferenceInput source="companyId" reference="companies" perPage={25}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="resources.measures.fields.companyId" fullWidth />
        </ReferenceInput>
        <ReferenceInput source="providerMemberId" reference="members" filter={{ kind: 'training_provider' }} perPage={100}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="resources.measures.fields.providerMemberId" fullWidth />
        </ReferenceInput>
      </Stack>
      <AgreementPicker ofCompanyIn="companyId" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <DateInput source="startDate" />
        <DateInput source="endDate" />
        <NumberInput source="plannedPlaces" />
        <NumberInput source="womenTargetPercent" helperText="resources.measures.help.womenTargetPercent" />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <DateInput source="examDate" />
        <TextInput source="chamber" fullWidth />
      </Stack>
      <TextInput source="description" multiline fullWidth />
      <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
        {t('resources.measures.sections.plan')}
      </Typography>
      <ArrayInput source="modules" label={false}>
        <SimpleFormIterator fullWidth>
          <TextInput source="title" label="resources.measures.fields.module_title" fullWidth helperText={false} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <SelectInput source="kind" label="resources.measures.fields.module_kind" choices={moduleKindChoices} helperText={false} />
            <DateInput source="startDate" label="resources.measures.fields.startDate" helperText={false} />
            <DateInput source="endDate" label="resources.measures.fields.endDate" helperText={false} />
            <NumberInput source="hours" label="resources.measures.fields.hours" helperText={false} />
          </Stack>
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
