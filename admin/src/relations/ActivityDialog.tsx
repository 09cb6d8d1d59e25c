// Recording and changing a contact with a company: kind, date, the person spoken to, topics, outcome and a
// follow-up. While staff type, the notes are checked for participants' names (counsellors and admins), because a
// company's notes never name a participant; the API refuses such a note in any case.
import { useEffect, useState } from 'react';
import { CheckboxGroupInput, DateInput, SelectInput, TextInput, usePermissions, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Alert, Stack } from '@mui/material';
import { ActivityInput, type Activity } from '#shared/relations/schema.ts';
import { seesCases } from '../auth/permissions.ts';
import { CommandDialog } from '../cases/commands.tsx';
import { useApi } from '../data/commands.ts';
import { activityKindChoices, activityTopicChoices, today } from './choices.ts';

/** How long typing pauses before the notes are checked. */
const CHECK_AFTER_MS = 600;

/** Warns while the notes name a participant; the names themselves are never shown back. */
function NameWarning() {
  const t = useTranslate();
  const send = useApi();
  const { permissions } = usePermissions<string[]>();
  const [topicsText, outcome] = useWatch({ name: ['topicsText', 'outcome'] }) as [string | undefined, string | undefined];
  // The last answer; typing on keeps it shown until the next check answers.
  const [checked, setChecked] = useState(0);
  const text = [topicsText, outcome].filter(Boolean).join('\n');
  const checks = seesCases(permissions);
  const mentions = checks && text.trim() ? checked : 0;
  useEffect(() => {
    if (!checks || !text.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      send<{ mentions: number }>('POST', '/api/activities/name-check', { text: text.slice(0, 2000) })
        .then((r) => live && setChecked(r.mentions))
        .catch(() => live && setChecked(0));
    }, CHECK_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [checks, text, send]);
  return (
    <Alert severity={mentions ? 'warning' : 'info'} role={mentions ? 'alert' : undefined} sx={{ mt: 1 }}>
      {mentions ? t('amon.relations.names_found', { smart_count: mentions }) : t('amon.relations.no_names')}
    </Alert>
  );
}

function ActivityFields() {
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <SelectInput source="kind" label="resources.activities.fields.kind" choices={activityKindChoices} />
        <DateInput source="date" label="resources.activities.fields.date" />
      </Stack>
      <TextInput source="contactPerson" label="resources.activities.fields.contactPerson" fullWidth />
      <CheckboxGroupInput source="topics" label="resources.activities.fields.topics" choices={activityTopicChoices} row={false} />
      <TextInput source="topicsText" label="resources.activities.fields.topicsText" fullWidth />
      <TextInput source="outcome" label="resources.activities.fields.outcome" multiline minRows={3} fullWidth />
      <DateInput source="followUpOn" label="resources.activities.fields.followUpOn" />
      <NameWarning />
    </>
  );
}

export function RecordActivityButton({ companyId }: { companyId: string }) {
  return (
    <CommandDialog
      label="amon.relations.record"
      schema={ActivityInput}
      method="POST"
      path={`/api/companies/${companyId}/activities`}
      defaultValues={{ kind: 'visit', date: today(), topics: [] }}
      done="amon.relations.saved"
    >
      <ActivityFields />
    </CommandDialog>
  );
}

export function EditActivityButton({ activity }: { activity: Activity }) {
  const { kind, date, contactPerson, topics, topicsText, outcome, followUpOn } = activity;
  return (
    <CommandDialog
      label="amon.relations.edit"
      schema={ActivityInput}
      method="PUT"
      path={`/api/companies/${activity.companyId}/activities/${activity.id}`}
      defaultValues={{ kind, date, contactPerson, topics, topicsText, outcome, followUpOn }}
      version={activity.version}
      done="amon.relations.saved"
    >
      <ActivityFields />
    </CommandDialog>
  );
}
