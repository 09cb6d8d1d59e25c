// The sign-in page: e-mail and password locally, a button to the Cognito Hosted UI in AWS.
import { Login, LoginForm, useLogin, useTranslate } from 'react-admin';
import { Button, Typography } from '@mui/material';

export function LocalLoginPage() {
  const t = useTranslate();
  return (
    <Login>
      <Typography variant="body2" sx={{ px: 2, pt: 1 }} color="text.secondary">{t('amon.login.hint')}</Typography>
      <LoginForm />
    </Login>
  );
}

export function HostedLoginPage() {
  const login = useLogin();
  const t = useTranslate();
  return (
    <Login>
      <Button variant="contained" sx={{ m: 2 }} onClick={() => login({})}>{t('amon.login.cognito')}</Button>
    </Login>
  );
}
