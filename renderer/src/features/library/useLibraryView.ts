import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collatorFor } from '../../i18n';
import { usePersistentState } from '../../hooks/usePersistentState';
import { DEFAULT_COLUMNS, NEWEST_FIRST, type ColumnKey, type SortOrder } from './columns';
import { EMPTY_SELECTION, type Selection } from './selection';
import { useItems } from './useItems';
import { useOverview } from './useOverview';
import { collectionTree, recentSince, viewFilters, type View } from './views';

/**
 * The library as listed: the view chosen in the sidebar and its list (in pages from the core),
 * the counts beside each view, the selection, and how the list looks (table or grid, columns,
 * order, tile size; remembered across restarts).
 */
export function useLibraryView() {
  const { i18n } = useTranslation();
  const [view, setViewState] = useState<View>({ type: 'all' });
  // 最近导入 is relative to when it was chosen, so its list and its count agree.
  const [since, setSince] = useState(recentSince);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [mode, setMode] = usePersistentState<'table' | 'grid'>('viewMode', 'table');
  const [columns, setColumns] = usePersistentState<ColumnKey[]>('columns', DEFAULT_COLUMNS);
  const [sort, setSortState] = usePersistentState<SortOrder>('listOrder', NEWEST_FIRST);
  const [tileSize, setTileSize] = usePersistentState('tileSize', 160);

  const filters = useMemo(() => viewFilters(view, since), [view, since]);
  const list = useItems(filters, sort);
  const overview = useOverview(since);
  const collator = useMemo(() => collatorFor(i18n.language), [i18n.language]);
  const counts = useMemo(() => new Map(Object.entries(overview?.counts ?? {})), [overview]);
  const collections = useMemo(
    () => collectionTree(overview?.collections ?? [], collator),
    [overview, collator],
  );

  /** Another view starts with nothing selected. */
  function setView(next: View) {
    setViewState(next);
    setSelection(EMPTY_SELECTION);
    if (next.type === 'recent') setSince(recentSince());
  }
  /** In another order the rows move: a Shift-range starts again from the next click. */
  function setSort(next: SortOrder) {
    setSortState(next);
    setSelection((s) => ({ ids: s.ids, anchor: null }));
  }
  /** An item deleted is no longer selected. */
  function deselect(id: string) {
    setSelection((s) => ({ ids: new Set([...s.ids].filter((x) => x !== id)), anchor: null }));
  }

  return {
    /** Whether the library has no items at all (null until known). */
    empty: overview ? overview.counts.all === 0 : null,
    list,
    counts,
    collections,
    view,
    setView,
    selection,
    setSelection,
    selectedIds: [...selection.ids],
    deselect,
    mode,
    setMode,
    columns,
    setColumns,
    sort,
    setSort,
    tileSize,
    setTileSize,
  };
}

export type LibraryView = ReturnType<typeof useLibraryView>;
