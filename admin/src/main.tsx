// Loads the runtime configuration, finishes a Hosted UI sign-in if this is its redirect, then starts the SPA.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { i18nProvider } from './i18n/index.ts';
import { startSession } from './auth/authProvider.ts';
import { loadConfig } from './config.ts';

const root = createRoot(document.getElementById('root')!);

async function start() {
  const config = await loadConfig();
  const staff = await startSession(config);
  root.render(
    <StrictMode>
      <App config={config} staff={staff} />
    </StrictMode>,
  );
}

start().catch((error: Error) => {
  root.render(<p role="alert">{i18nProvider.translate('amon.ui.main.start_fehlgeschlagen', { message: error.message })}</p>);
});
