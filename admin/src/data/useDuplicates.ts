// Asks the API for possible duplicates while a form is typed in (debounced), leaving out the record being edited.
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';

type Send = <T>(method: string, path: string) => Promise<T>;

/** `path` is the duplicates query, or undefined while the fields it needs are incomplete. */
export function useDuplicates<T extends { id: string }>(path: string | undefined, ownId: string | undefined): T[] {
  const dataProvider = useDataProvider() as unknown as { send: Send };
  const [found, setFound] = useState<T[]>([]);
  useEffect(() => {
    if (!path) return setFound([]);
    const timer = setTimeout(() => {
      dataProvider.send<T[]>('GET', path).then((list) => setFound(list.filter((x) => x.id !== ownId)), () => setFound([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [path, ownId, dataProvider]);
  return found;
}
