import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
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
 * The library's saved searches, and which one is on screen. They live in library.json, so another
 * window or another editor may change them: the list is read again whenever the library says its
 * settings changed. Saving, renaming and deleting say how it went.
 */
export function useSavedSearches(current: { query: string; sort: SearchSort; filters: SearchFilters }) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [searches, setSearches] = useState<SavedSearch[]>([]);
  const load = useCallback(() => {
    api.call('searches.list', {}).then(setSearches, showError);
  }, [showError]);
  useEffect(load, [load]);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library') load();
      }),
    [load],
  );

  /** Runs a change and reports it; true when it was made. */
  async function change(work: () => Promise<SavedSearch[]>, done: string): Promise<boolean> {
    try {
      setSearches(await work());
      showInfo(done);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  /** Keeps what is on screen under a name; a name in use is replaced only when the person agrees. */
  async function save(name: string): Promise<boolean> {
    const replace = searches.some((s) => s.name === name);
    if (replace && !window.confirm(t('savedSearches.confirmReplace', { name }))) return false;
    const search = {
      name,
      query: current.query,
      sort: current.sort,
      filters: cleanFilters(current.filters),
      replace,
    };
    return change(() => api.call('searches.save', search), t('savedSearches.saved', { name }));
  }
  const rename = (search: SavedSearch, name: string) =>
    change(() => api.call('searches.rename', { id: search.id, name }), t('savedSearches.renamed', { name }));
  const remove = (search: SavedSearch) =>
    void change(
      () => api.call('searches.delete', { id: search.id }),
      t('savedSearches.deleted', { name: search.name }),
    );

  const activeId = current.query ? (searches.find((s) => isShowing(s, current))?.id ?? null) : null;
  return { searches, activeId, save, rename, remove };
}
