// Commands outside plain CRUD (case moves, consent, campaign open/close/remind, …): one hook sends the
// request, reports the outcome in a notification and refreshes the page's records.
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AmonDataProvider } from './dataProvider.ts';
import { downloadBlob } from './spreadsheet.ts';

type Send = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The data provider's raw call: JSON in and out, errors carry the server's message. */
export function useApi(): Send {
  return useDataProvider<AmonDataProvider>().send;
}

/** Downloads a file the API serves under `filename`; a failure shows the server's message. */
export function useDownload() {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const notify = useNotify();
  return async (path: string, filename: string) => {
    try {
      downloadBlob(await dataProvider.file(path), filename);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
}

/** A failed command carries the fields the server refused (path → message), for a form to show at its inputs. */
export type Outcome<T> = { ok: true; result: T } | { ok: false; fields: Record<string, unknown> };

/**
 * Sends a command. `done` is the success message: a translation key (plain text passes through) or a
 * function of the result. Failures show the server's message; the caller gets `{ ok: false }`.
 */
export function useCommand() {
  const send = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const t = useTranslate();
  return async <T>(method: string, path: string, body?: unknown, done: string | ((result: T) => string) = 'amon.actions.saved'): Promise<Outcome<T>> => {
    try {
      const result = await send<T>(method, path, body);
      notify(typeof done === 'function' ? done(result) : t(done, { _: done }), { type: 'success' });
      refresh();
      return { ok: true, result };
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      return { ok: false, fields: body?.errors ?? {} };
    }
  };
}
