// Loads the runtime configuration, finishes a Hosted UI sign-in if this is its redirect, then starts the SPA.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { completeHostedLogin } from './auth/pkce.ts';
import { loadConfig } from './config.ts';

const root = createRoot(document.getElementById('root')!);

async function start() {
  const config = await loadConfig();
  if (config.auth.kind === 'cognito' && window.location.pathname === '/auth-callback') {
    await completeHostedLogin(config.auth, new URL(window.location.href));
    window.history.replaceState(null, '', '/#/');
  }
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

start().catch((error: Error) => {
  root.render(<p role="alert">amoN konnte nicht starten: {error.message}</p>);
});
