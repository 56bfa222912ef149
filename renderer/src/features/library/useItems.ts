import { useEffect, useMemo } from 'react';
import type { OpInput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { coalesce } from '../../api/coalesce';
import { useMessages } from '../../messages/useMessages';
import type { SortOrder } from './columns';
import { listArgs, listPage } from './firstPage';
import { PagedList } from './pagedList';

type ListFilters = NonNullable<OpInput<'items.list'>['filters']>;

/**
 * The list of a view in an order, in pages from the core: a new list when either changes. After
 * each change in the library the rows the event carries are patched in by id at once, then the
 * pages in view are fetched again (once at a time, however often changes come).
 */
export function useItems(filters: ListFilters, order: SortOrder): PagedList {
  const { showError } = useMessages();
  const list = useMemo(
    () => new PagedList((offset, limit) => listPage(listArgs(filters, order, offset, limit)), showError),
    [filters, order, showError],
  );
  useEffect(() => {
    // The first page gives the total; the list's views then ask for the rows they show.
    list.ids(0, 0).catch(showError);
    const refresh = coalesce(() => list.refresh());
    return api.onEvent((event) => {
      if (event.type !== 'changed') return;
      list.patch(event.items ?? []);
      refresh();
    });
  }, [list, showError]);
  return list;
}
