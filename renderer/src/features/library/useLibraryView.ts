import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collatorFor } from '../../i18n';
import { usePersistentState } from '../../hooks/usePersistentState';
import { DEFAULT_COLUMNS, sortItems, type ColumnKey, type SortOrder } from './columns';
import { EMPTY_SELECTION, type Selection } from './selection';
import { useItems } from './useItems';
import { collectionTree, inView, type View } from './views';

/** The sidebar's views that show a count. */
const COUNTED: [string, View][] = [
  ['all', { type: 'all' }],
  ['oral', { type: 'kind', kind: 'oral' }],
  ['photo', { type: 'kind', kind: 'photo' }],
  ['document', { type: 'kind', kind: 'document' }],
  ['review', { type: 'review' }],
  ['recent', { type: 'recent' }],
  ['pending', { type: 'pending' }],
];

/**
 * The library as listed: every item, the view chosen in the sidebar and what it shows (sorted),
 * the counts beside each view, the selection, and how the list looks (table or grid, columns,
 * sort, tile size; remembered across restarts).
 */
export function useLibraryView() {
  const { i18n } = useTranslation();
  const items = useItems();
  const [view, setViewState] = useState<View>({ type: 'all' });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [mode, setMode] = usePersistentState<'table' | 'grid'>('viewMode', 'table');
  const [columns, setColumns] = usePersistentState<ColumnKey[]>('columns', DEFAULT_COLUMNS);
  const [sort, setSort] = usePersistentState<SortOrder>('sort', { key: 'title', descending: false });
  const [tileSize, setTileSize] = usePersistentState('tileSize', 160);

  const collator = useMemo(() => collatorFor(i18n.language), [i18n.language]);
  const now = useMemo(() => new Date(), [items]); // eslint-disable-line react-hooks/exhaustive-deps -- "recent" is relative to the last load
  const visible = useMemo(
    () =>
      items
        ? sortItems(
            items.filter((item) => inView(view, item, now)),
            sort,
            collator,
          )
        : null,
    [items, view, sort, collator, now],
  );
  const counts = useMemo(
    () =>
      new Map(COUNTED.map(([key, v]) => [key, items?.filter((item) => inView(v, item, now)).length ?? 0])),
    [items, now],
  );
  const collections = useMemo(() => collectionTree(items ?? [], collator), [items, collator]);

  /** Another view starts with nothing selected. */
  function setView(next: View) {
    setViewState(next);
    setSelection(EMPTY_SELECTION);
  }
  /** An item deleted is no longer selected. */
  function deselect(id: string) {
    setSelection((s) => ({ ids: new Set([...s.ids].filter((x) => x !== id)), anchor: null }));
  }

  return {
    items,
    visible,
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
