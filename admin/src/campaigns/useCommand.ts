// Sends a campaign command (open, close, remind, invite) and reports the outcome in a notification.
import { useDataProvider, useNotify, useRefresh } from 'react-admin';

type Send = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function useApi() {
  return (useDataProvider() as unknown as { send: Send }).send;
}

export function useCommand() {
  const send = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  return async <T,>(method: string, path: string, body: unknown, done: (result: T) => string): Promise<T | undefined> => {
    try {
      const result = await send<T>(method, path, body);
      notify(done(result), { type: 'success' });
      refresh();
      return result;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return undefined;
    }
  };
}
