// A list read page by page from a cursor API (`{ items, nextCursor }`): the rows so far, "load more" and reload.
import { useCallback, useEffect, useState } from 'react';
import { useApi } from './commands.ts';

export type CursorList<T> = { rows: T[]; more: (() => void) | undefined; reload: () => Promise<void>; failed: boolean };

/**
 * Loads the first page of `path` (with `params` as query) whenever they change; `more` appends the next
 * page while there is one. `path` undefined loads nothing (the record is not there yet).
 */
export function useCursorList<T>(path: string | undefined, params: Record<string, string> = {}, reloadOn: unknown[] = []): CursorList<T> {
  const send = useApi();
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const query = new URLSearchParams(params).toString();
  const load = useCallback(
    async (from?: string) => {
      if (!path) return;
      const q = new URLSearchParams(query);
      if (from) q.set('cursor', from);
      try {
        const page = await send<{ items: T[]; nextCursor: string | null }>('GET', `${path}?${q}`);
        setRows((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    },
    [path, query, send],
  );
  // `reloadOn`: the caller's extra triggers (a changed record version, a new answer).
  useEffect(() => void load(), [load, ...reloadOn]);
  return { rows, more: cursor ? () => void load(cursor) : undefined, reload: () => load(), failed };
}
