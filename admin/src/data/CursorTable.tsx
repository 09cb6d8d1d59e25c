// One table for every list read page by page from a cursor API ({ items, nextCursor }): loading, error with retry,
// empty text, the rows so far and "load more", on react-query, so a failed request never spins for ever.
import { type ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { Alert, Box, Button, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { AmonDataProvider } from './dataProvider.ts';

export type CursorColumn<T> = { header: string; cell: (row: T) => ReactNode };
type Page<T> = { items: T[]; nextCursor: string | null };

export type CursorTableProps<T> = {
  /** The API path of the list; undefined loads nothing yet (the record is not there). */
  path: string | undefined;
  params?: Record<string, string>;
  columns: CursorColumn<T>[];
  /** The table's accessible name. */
  label: string;
  /** What shows when the list is empty. */
  empty: ReactNode;
  rowKey: (row: T) => string;
  /** Extra values whose change reloads the list (a record's version, a count). */
  reloadOn?: unknown[];
  /** Attributes of a row (e.g. a data attribute for tests). */
  rowProps?: (row: T) => Record<string, string>;
};

/** The pages of a cursor list and the way to the next one; `reload` reads it again from the start. */
export function useCursorPages<T>(path: string | undefined, params: Record<string, string> = {}, reloadOn: unknown[] = []) {
  const dataProvider = useDataProvider<AmonDataProvider>();
  const query = useInfiniteQuery({
    queryKey: ['cursor-list', path, params, ...reloadOn],
    enabled: Boolean(path),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(params);
      if (pageParam) q.set('cursor', pageParam);
      return dataProvider.send<Page<T>>('GET', `${path}?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, rows: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export function CursorTable<T>({ path, params, columns, label, empty, rowKey, reloadOn, rowProps }: CursorTableProps<T>) {
  const t = useTranslate();
  const { rows, isPending, isError, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = useCursorPages<T>(path, params, reloadOn);
  if (!path) return null;
  if (isPending) return <LinearProgress aria-label={t('amon.table.loading')} sx={{ my: 2 }} />;
  if (isError && !rows.length) {
    return (
      <Alert severity="error" action={<Button onClick={() => void refetch()}>{t('amon.table.retry')}</Button>}>
        {t('amon.table.failed', { message: error.message })}
      </Alert>
    );
  }
  if (!rows.length) return typeof empty === 'string' ? <Typography>{empty}</Typography> : <>{empty}</>;
  return (
    <Box>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i}>{c.header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c, i) => (
                <TableCell key={i}>{c.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {isError && <Alert severity="error">{t('amon.table.failed', { message: error.message })}</Alert>}
      {hasNextPage && (
        <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {t('amon.table.more')}
        </Button>
      )}
    </Box>
  );
}
