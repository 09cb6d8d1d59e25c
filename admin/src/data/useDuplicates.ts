// Asks the API for possible duplicates while a form is typed in (debounced), leaving out the record being edited.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AmonDataProvider } from './dataProvider.ts';

/** A duplicate check: a GET of `path`, or a POST of `body` when the fields name a person (never in a URL). */
export type DuplicateQuery = { path: string; body?: Record<string, string> };

/** `check` is the duplicates request, or undefined while the fields it needs are incomplete. */
export function useDuplicates<T extends { id: string }>(check: DuplicateQuery | undefined, ownId: string | undefined): T[] {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const key = check ? JSON.stringify(check) : undefined;
  // The check waits until typing pauses for 300 ms, so it is not sent for every key stroke.
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), 300);
    return () => clearTimeout(timer);
  }, [key]);
  const { data } = useQuery({
    queryKey: ['duplicates', settled],
    enabled: Boolean(settled) && settled === key,
    queryFn: () => {
      const { path, body } = JSON.parse(settled!) as DuplicateQuery;
      return dataProvider.send<T[]>(body ? 'POST' : 'GET', path, body);
    },
  });
  // A failed check shows no warning; saving still works and the server refuses nothing for a duplicate.
  return key && settled === key && data ? data.filter((x) => x.id !== ownId) : [];
}
