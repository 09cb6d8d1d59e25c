// The sign-in page: e-mail and password locally (with the change of a temporary password at the first sign-in), a
// button to the Cognito Hosted UI in AWS (where Cognito asks for the new password itself).
import { useState, type FormEvent } from 'react';
import { Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';

type Step = { kind: 'sign-in' } | { kind: 'new-password'; email: string; temporary: string };

/** A text field of a submitted form (a file input would give a File, which no field here is). */
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

function LocalLoginForm() {
  const t = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [step, setStep] = useState<Step>({ kind: 'sign-in' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const signIn = async (email: string, password: string) => {
    try {
      await login({ username: email, password });
    } catch (error) {
      const { code, message } = error as Error & { code?: string };
      if (code === 'new_password_required') setStep({ kind: 'new-password', email, temporary: password });
      else notify(message || 'amon.login.failed', { type: 'error' });
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(undefined);
    try {
      if (step.kind === 'sign-in') return await signIn(field(form, 'email'), field(form, 'password'));
      const newPassword = field(form, 'newPassword');
      if (newPassword !== field(form, 'repeat')) return setProblem(t('amon.login.mismatch'));
      const response = await fetch('/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: step.email, currentPassword: step.temporary, newPassword }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; fields?: { message: string }[] } };
      if (!response.ok) return setProblem(body.error?.fields?.[0]?.message ?? body.error?.message ?? t('amon.login.failed'));
      await signIn(step.email, newPassword);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" onSubmit={submit} spacing={2} sx={{ p: 2, width: '100%', minWidth: 300, boxSizing: 'border-box' }} noValidate>
      {step.kind === 'sign-in' ? (
        <>
          <TextField name="email" type="email" label={t('ra.auth.username')} autoComplete="username" required fullWidth />
          <TextField name="password" type="password" label={t('ra.auth.password')} autoComplete="current-password" required fullWidth />
        </>
      ) : (
        <>
          <Typography variant="h2" sx={{ fontSize: '1.1rem' }}>
            {t('amon.login.new_password_title')}
          </Typography>
          <Typography variant="body2">{t('amon.login.new_password_hint')}</Typography>
          <TextField name="newPassword" type="password" label={t('amon.login.new_password')} autoComplete="new-password" required fullWidth />
          <TextField name="repeat" type="password" label={t('amon.login.repeat')} autoComplete="new-password" required fullWidth />
        </>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
      <Button type="submit" variant="contained" disabled={busy}>
        {step.kind === 'sign-in' ? t('ra.auth.sign_in') : t('amon.login.set_password')}
      </Button>
    </Stack>
  );
}

export function LocalLoginPage() {
  const t = useTranslate();
  return (
    <Login>
      <Typography variant="body2" sx={{ px: 2, pt: 1 }} color="text.secondary">
        {t('amon.login.hint')}
      </Typography>
      <LocalLoginForm />
    </Login>
  );
}

export function HostedLoginPage() {
  const login = useLogin();
  const t = useTranslate();
  return (
    <Login>
      <Button variant="contained" sx={{ m: 2 }} onClick={() => login({})}>
        {t('amon.login.cognito')}
      </Button>
    </Login>
  );
}
