// Change one's own password (local sign-in only; in AWS the Cognito Hosted UI does this).
import { Form, PasswordInput, SaveButton, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import * as z from 'zod/mini';
import { PasswordChange } from '#shared/users/schema.ts';
import { schemaResolver } from '../data/forms.ts';
import { toHttpError, type ApiError } from '../data/dataProvider.ts';
import { session } from '../auth/authProvider.ts';

// The e-mail comes from the session, not from an input: the form validates only the two passwords.
const resolver = schemaResolver(z.pick(PasswordChange, { currentPassword: true, newPassword: true }));

export default function PasswordPage() {
  const notify = useNotify();
  const t = useTranslate();
  const { identity } = useGetIdentity();
  const email = (session.claims() as { email?: string }).email ?? '';
  return (
    <Card sx={{ mt: 2, maxWidth: 480 }}>
      <Title title="amon.ui.account.passwort_aendern" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('amon.ui.account.regeln', { name: identity?.fullName ?? '', email })}
        </Typography>
        <Form
          record={{}}
          resolver={resolver}
          onSubmit={async (values: Record<string, unknown>) => {
            const response = await fetch('/auth/password', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...values, email }),
            });
            if (response.ok) return notify('amon.ui.account.passwort_geaendert', { type: 'success' });
            const error = toHttpError(response.status, (await response.json().catch(() => ({}))) as ApiError);
            notify(error.message, { type: 'error' });
            return (error.body as { errors?: Record<string, unknown> }).errors;
          }}
        >
          <Stack spacing={1}>
            <PasswordInput source="currentPassword" label="amon.ui.account.bisheriges_passwort" />
            <PasswordInput source="newPassword" label="amon.ui.account.neues_passwort" />
            <SaveButton label="amon.ui.account.passwort_aendern" />
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
}
