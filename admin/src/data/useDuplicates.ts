// Asks the API for possible duplicates while a form is typed in (debounced), leaving out the record being edited.
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';

type Send = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A duplicate check: a GET of `path`, or a POST of `body` when the fields name a person (never in a URL). */
export type DuplicateQuery = { path: string; body?: Record<string, string> };

/** `check` is the duplicates request, or undefined while the fields it needs are incomplete. */
export function useDuplicates<T extends { id: string }>(check: DuplicateQuery | undefined, ownId: string | undefined): T[] {
  const dataProvider = useDataProvider() as unknown as { send: Send };
  const [found, setFound] = useState<T[]>([]);
  const key = check ? JSON.stringify(check) : undefined;
  useEffect(() => {
    if (!key) return setFound([]);
    const { path, body } = JSON.parse(key) as DuplicateQuery;
    const timer = setTimeout(() => {
      dataProvider.send<T[]>(body ? 'POST' : 'GET', path, body).then((list) => setFound(list.filter((x) => x.id !== ownId)), () => setFound([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [key, ownId, dataProvider]);
  return found;
}
