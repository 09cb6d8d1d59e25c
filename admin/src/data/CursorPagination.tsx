// Pagination for our cursor-paged lists. The API gives no totals, so react-admin's own pagination shows the last
// page as full ("1–10 von 10" over eight rows); on the last page the total is known, and this tells it.
import { ListContextProvider, Pagination, useListContext, type PaginationProps } from 'react-admin';

/** With pageInfo the list has no total; react-admin's success type calls it a number, so this is asked apart. */
const hasTotal = (total: number | undefined) => total !== undefined;

export function CursorPagination(props: PaginationProps) {
  const list = useListContext();
  if (list.isPending || list.error || list.hasNextPage || hasTotal(list.total)) return <Pagination {...props} />;
  return (
    <ListContextProvider value={{ ...list, total: (list.page - 1) * list.perPage + list.data.length }}>
      <Pagination {...props} />
    </ListContextProvider>
  );
}
