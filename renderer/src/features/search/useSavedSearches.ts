import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import type { SearchFilters, SearchSort } from './SearchResults';

export type SavedSearch = OpOutput<'searches.list'>[number];

/** Facet choices without the facets left empty, in one order, for comparing and saving. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values && values.length > 0)
      .map(([facet, values]) => [facet, [...values!].sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

/** Whether a saved search is the one on screen. */
export function isShowing(
  search: SavedSearch,
  current: { query: string; sort: SearchSort; filters: SearchFilters },
): boolean {
  return (
    search.query === current.query &&
    search.sort === current.sort &&
    JSON.stringify(cleanFilters(search.filters)) === JSON.stringify(cleanFilters(current.filters))
  );
}

/**
 * The library's saved searches. They live in library.json, so another window or another editor
 * may change them: the list is read again whenever the library says its settings changed.
 */
export function useSavedSearches(onError: (error: unknown) => void) {
  const [searches, setSearches] = useState<SavedSearch[]>([]);
  const load = useCallback(() => {
    api.call('searches.list', {}).then(setSearches, onError);
  }, [onError]);
  useEffect(load, [load]);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library') load();
      }),
    [load],
  );
  const save = useCallback(
    async (search: OpInput<'searches.save'>) => setSearches(await api.call('searches.save', search)),
    [],
  );
  const rename = useCallback(
    async (id: string, name: string) => setSearches(await api.call('searches.rename', { id, name })),
    [],
  );
  const remove = useCallback(
    async (id: string) => setSearches(await api.call('searches.delete', { id })),
    [],
  );
  return { searches, save, rename, remove };
}
