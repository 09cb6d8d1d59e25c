// Programme settings for admins: targets the dashboard and report measure against, and the retention period of closed cases.
import { useState } from 'react';
import { QueryState, useApiQuery } from '../data/queries.tsx';
import { DateInput, Form, NumberInput, SaveButton, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AmonDataProvider } from '../data/dataProvider.ts';
import { Card, CardContent, Stack } from '@mui/material';
import { Settings } from '#shared/settings/schema.ts';
import { clean, pick, schemaResolver } from '../data/forms.ts';

const resolver = schemaResolver(Settings);

export default function SettingsPage() {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const notify = useNotify();
  const t = useTranslate();
  const query = useApiQuery<Record<string, unknown>>('/api/settings');
  const [saved, setSaved] = useState<Record<string, unknown>>();
  const record = saved ?? query.data;
  if (!record)
    return (
      <Card sx={{ mt: 2 }}>
        <Title title="amon.ui.settings.einstellungen" />
        <CardContent>
          <QueryState query={query}>{() => null}</QueryState>
        </CardContent>
      </Card>
    );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="amon.ui.settings.einstellungen" />
      <CardContent>
        <Form
          record={record}
          resolver={resolver}
          onSubmit={async (values: Record<string, unknown>) => {
            try {
              const stored = await dataProvider.send<Record<string, unknown>>('PUT', '/api/settings', {
                ...clean(pick(Settings, values)),
                version: record.version,
              });
              setSaved({ ...values, ...stored });
              notify(t('amon.actions.saved'), { type: 'success' });
            } catch (error) {
              notify((error as Error).message, { type: 'error' });
            }
          }}
        >
          <Stack spacing={1} sx={{ maxWidth: 420 }}>
            <NumberInput source="targetCounselled" label="amon.ui.settings.ziel_beratene_personen" />
            <NumberInput source="targetQualified" label="amon.ui.settings.ziel_abschluesse" />
            <DateInput source="programmeStart" label="amon.ui.settings.programmstart" />
            <NumberInput source="retentionMonths" label={t('amon.retention.closed')} helperText={t('amon.retention.closed_help')} />
            <NumberInput source="inquiryRetentionMonths" label={t('amon.retention.inquiries')} helperText={t('amon.retention.inquiries_help')} />
            <NumberInput source="eventRetentionMonths" label={t('amon.retention.events')} helperText={t('amon.retention.events_help')} />
            <SaveButton />
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
}
