// The event form of create and edit, validated with the shared schema (times as Berlin wall-clock times).
import { BooleanInput, CheckboxGroupInput, NumberInput, SelectInput, SimpleForm, TextInput, DateInput, useTranslate } from 'react-admin';
import { Stack } from '@mui/material';
import { AUDIENCES, DEFAULT_CONSENT, EVENT_KINDS, EXTRA_FIELDS, EventInput } from '#shared/events/schema.ts';
import { schemaResolver } from '../data/forms.ts';

const resolver = schemaResolver(EventInput);

export function EventForm() {
  const t = useTranslate();
  const kinds = EVENT_KINDS.map((id) => ({ id, name: t(`amon.event_kinds.${id}`) }));
  const audiences = AUDIENCES.map((id) => ({ id, name: t(`amon.event_audiences.${id}`) }));
  const fields = EXTRA_FIELDS.map((id) => ({ id, name: t(`amon.event_fields.${id}`) }));
  return (
    <SimpleForm
      resolver={resolver}
      defaultValues={{ kind: 'workshop', audience: 'public', capacity: 20, fields: [], published: false, consentText: DEFAULT_CONSENT }}
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="kind" choices={kinds} translateChoice={false} />
        <TextInput source="title" fullWidth />
      </Stack>
      <TextInput source="description" multiline minRows={3} fullWidth />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextInput source="startsAt" type="datetime-local" helperText="resources.events.help.startsAt" />
        <TextInput source="endsAt" type="datetime-local" />
        <DateInput source="registrationDeadline" helperText="resources.events.help.registrationDeadline" />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="place" fullWidth />
        <TextInput source="onlineUrl" fullWidth />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <NumberInput source="capacity" min={1} helperText="resources.events.help.capacity" />
        <SelectInput source="audience" choices={audiences} translateChoice={false} />
      </Stack>
      <CheckboxGroupInput source="fields" choices={fields} translateChoice={false} helperText="resources.events.help.fields" />
      <TextInput source="consentText" multiline minRows={3} fullWidth helperText="resources.events.help.consentText" />
      <BooleanInput source="published" />
    </SimpleForm>
  );
}
