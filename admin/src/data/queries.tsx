// Reading API data in a custom view: react-query through the data provider, with a loading bar, the error with a
// retry button, and the content — so no view waits for ever on a request that failed.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, LinearProgress } from '@mui/material';
import { useApi } from './commands.ts';

/**
 * GETs `path` (nothing while it is undefined); `version` in the key reads again after the record changed. With
 * `keepPrevious` a new filter keeps the last answer on screen until the next one is there.
 */
export function useApiQuery<T>(path: string | undefined, o: { version?: unknown; keepPrevious?: boolean } = {}): UseQueryResult<T, Error> {
  const send = useApi();
  return useQuery({
    queryKey: ['api', path, o.version],
    queryFn: () => send<T>('GET', path!),
    enabled: path !== undefined,
    retry: 1,
    ...(o.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/** The content once it is there; until then a named loading bar, and after a failure the message with a retry. */
export function QueryState<T>(props: { query: UseQueryResult<T, Error>; loading?: string; children: (data: T) => ReactNode }) {
  const t = useTranslate();
  const { error, data, refetch, isFetching } = props.query;
  if (error)
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" disabled={isFetching} onClick={() => void refetch()}>
            {t('amon.table.retry')}
          </Button>
        }
      >
        {t('amon.load_failed', { message: error.message })}
      </Alert>
    );
  if (data === undefined) return <LinearProgress aria-label={props.loading ?? t('amon.table.loading')} />;
  return <>{props.children(data)}</>;
}
