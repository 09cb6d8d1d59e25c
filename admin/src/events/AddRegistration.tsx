// Staff register a person (after a phone call, at the door): the same rules as the public page, the waiting list when
// the event is full, and the confirmation mail only when asked.
import { useState } from 'react';
import { Form, TextInput, BooleanInput, SaveButton, useTranslate, useNotify, useRefresh } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { StaffRegistrationInput, type Event, type RegistrationResult } from '#shared/events/schema.ts';
import { useApi } from '../data/commands.ts';
import { clean, pick, schemaResolver } from '../data/forms.ts';

const resolver = schemaResolver(StaffRegistrationInput);

export function AddRegistration({ event, onAdded }: { event: Event; onAdded: () => void }) {
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const send = useApi();
  const [open, setOpen] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  return (
    <>
      <Button size="small" variant="contained" onClick={() => setOpen(true)}>
        {t('amon.events.add')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="add-registration-title" fullWidth maxWidth="sm">
        <Form
          resolver={resolver}
          // A record of its own: the page's record (the event) must not become the person's values.
          record={{ notify: true }}
          onSubmit={async (values: Record<string, unknown>) => {
            try {
              const result = await send<RegistrationResult>('POST', `/api/events/${event.id}/registrations`, clean(pick(StaffRegistrationInput, values)));
              notify(result.state === 'waiting' ? t('amon.events.added_waiting', { n: result.position ?? 1 }) : t('amon.events.added'), { type: 'success' });
              setServerErrors({});
              setOpen(false);
              onAdded();
              refresh();
            } catch (error) {
              const fields = (error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {};
              setServerErrors(fields);
              notify((error as Error).message, { type: 'error' });
            }
          }}
        >
          <DialogTitle id="add-registration-title">{t('amon.events.add_title')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {t('amon.events.add_help')}
            </Typography>
            <TextInput source="name" label="resources.events.fields.name" fullWidth helperText={serverErrors.name ?? false} />
            <TextInput source="organisation" label="resources.events.fields.organisation" fullWidth />
            <TextInput source="email" type="email" label="resources.events.fields.email" fullWidth helperText={serverErrors.email ?? false} />
            {event.fields.map((f) => (
              <TextInput key={f} source={f} label={`resources.events.fields.${f}`} fullWidth />
            ))}
            <BooleanInput source="notify" label="amon.events.notify" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
            <SaveButton label="amon.events.add" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
