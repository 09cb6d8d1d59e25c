// The meeting form: kind, title, Berlin start and end, place or online link, agenda, invited members; minutes and decisions when editing.
import { ArrayInput, AutocompleteArrayInput, NumberInput, ReferenceArrayInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { MeetingInput, MeetingUpdate } from '#shared/meetings/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { kindChoices } from './choices.ts';

/** Berlin wall time as the browser's datetime-local field shows it ("2026-12-09T10:00"); staff work in Berlin. */
const wall = { type: 'datetime-local', InputLabelProps: { shrink: true } } as const;

export function MeetingForm({ edit = false }: { edit?: boolean }) {
  return (
    <SimpleForm resolver={schemaResolver(edit ? MeetingUpdate : MeetingInput)} defaultValues={{ kind: 'working_meeting', agenda: [], inviteeIds: [] }}>
      <SelectInput source="kind" choices={kindChoices} />
      <TextInput source="title" fullWidth />
      <TextInput source="startsAt" {...wall} />
      <TextInput source="endsAt" {...wall} />
      <TextInput source="place" fullWidth />
      <TextInput source="onlineUrl" fullWidth />
      <ArrayInput source="agenda">
        <SimpleFormIterator inline>
          <TextInput source="title" label="amon.ui.meetings.tagesordnungspunkt" helperText={false} sx={{ minWidth: 320 }} />
          <TextInput source="presenter" label="amon.ui.meetings.wer" helperText={false} />
          <NumberInput source="minutes" label="amon.ui.meetings.minuten" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <ReferenceArrayInput source="inviteeIds" reference="members" perPage={50}>
        <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceArrayInput>
      {edit && <TextInput source="minutes" multiline minRows={6} fullWidth />}
      {edit && (
        <TextInput
          source="decisions"
          multiline
          minRows={3}
          fullWidth
          helperText="amon.ui.meetings.ein_beschluss_je_zeile"
          format={(v: unknown) => (Array.isArray(v) ? v.join('\n') : '')}
          parse={(s: string) =>
            s
              .split('\n')
              .map((t) => t.trim())
              .filter(Boolean)
          }
        />
      )}
    </SimpleForm>
  );
}
