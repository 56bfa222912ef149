import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpOutput } from '../../../../electron/contract';
import { SEARCH_INDEX_JOB } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import type { SearchFilters, SearchSort } from './SearchResults';
import type { SavedSearch } from './useSavedSearches';

/**
 * Search as you type: what is typed, the query run (after the box's pause), its sort and filters,
 * the latest results, the progress of an index rebuild, and Enter moving to the first result.
 */
export function useSearch() {
  const { showError } = useMessages();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SearchSort>('relevance');
  // Filters belong to the query they were chosen for; a new query starts without them.
  const [chosen, setChosen] = useState<{ query: string; filters: SearchFilters }>({ query: '', filters: {} });
  const filters = useMemo(() => (chosen.query === query ? chosen.filters : {}), [chosen, query]);
  const setFilters = useCallback((f: SearchFilters) => setChosen({ query, filters: f }), [query]);
  const [answer, setAnswer] = useState<{ query: string; result: OpOutput<'search.query'> } | null>(null);
  const [indexing, setIndexing] = useState<{ done: number; total: number } | null>(null);
  /** Bumped when items change, so the open search runs again. */
  const [changes, setChanges] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!query) return;
    // Only the answer to the latest request is shown, however the replies arrive.
    const request = ++latest.current;
    api.call('search.query', { query, limit: 100, sort, filters, facets: true }).then((result) => {
      if (request === latest.current) setAnswer({ query, result });
    }, showError);
  }, [query, sort, filters, changes, showError]);
  // Results follow edits and deletions at once; a rebuild of the index shows its progress.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'changed') setChanges((n) => n + 1);
        if (event.type === 'progress' && event.jobId === SEARCH_INDEX_JOB)
          setIndexing(event.done < event.total ? { done: event.done, total: event.total } : null);
      }),
    [],
  );

  /** Runs a query at once, as if typed: a suggestion, or '' to leave the search. */
  const suggest = useCallback((q: string) => {
    setTyped(q);
    setQuery(q);
  }, []);
  function runSaved(search: SavedSearch) {
    suggest(search.query);
    setSort(search.sort);
    setChosen({ query: search.query, filters: search.filters });
  }
  function focusBox() {
    inputRef.current?.focus();
    inputRef.current?.select();
  }

  /**
   * From the search box, Enter goes to the first result, so searching works without a mouse: as
   * soon as the results of the query entered are shown, however long the search takes.
   */
  const resultFocusFor = useRef<string | null>(null);
  const [enterPresses, setEnterPresses] = useState(0);
  function focusFirstResult() {
    resultFocusFor.current = typed.trim();
    setEnterPresses((n) => n + 1);
  }
  useEffect(() => {
    if (resultFocusFor.current === null || answer?.query !== resultFocusFor.current) return;
    resultFocusFor.current = null;
    document.querySelector<HTMLButtonElement>('.search-results .item-title')?.focus();
  }, [answer, enterPresses]);

  return {
    inputRef,
    typed,
    setTyped,
    query,
    setQuery,
    sort,
    setSort,
    filters,
    setFilters,
    /** The results of the query on screen, once they came. */
    result: query && answer?.query === query ? answer.result : null,
    indexing,
    suggest,
    runSaved,
    focusBox,
    focusFirstResult,
  };
}

export type Search = ReturnType<typeof useSearch>;
