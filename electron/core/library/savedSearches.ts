import { z } from 'zod';
import { FACET_NAMES, SORT_ORDERS, type FacetName, type SortOrder } from '../search';
import { WenshiError } from '../errors';

/**
 * A search kept under a name in library.json, so everyone who opens the library can run it again.
 * Sort and filters are stored as written: a sort or facet this version does not know (written by
 * a newer one) is kept in the file and only left out when the search is run.
 */
export const SavedSearchSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1),
  query: z.string(),
  sort: z.string().default('relevance'),
  filters: z.record(z.string(), z.array(z.string())).default({}),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

/** What a search is run with: the sort and facets this version knows. */
export interface RunnableSearch {
  id: string;
  name: string;
  query: string;
  sort: SortOrder;
  filters: Partial<Record<FacetName, string[]>>;
  createdAt: string;
  updatedAt: string;
}

export interface SavedSearchInput {
  name: string;
  query: string;
  sort: SortOrder;
  filters: Partial<Record<FacetName, string[]>>;
}

export const SAVED_SEARCH_NAME_MAX = 60;

export function runnable(search: SavedSearch): RunnableSearch {
  const sort = (SORT_ORDERS as readonly string[]).includes(search.sort)
    ? (search.sort as SortOrder)
    : 'relevance';
  const filters = Object.fromEntries(
    Object.entries(search.filters).filter(
      ([facet, values]) => (FACET_NAMES as readonly string[]).includes(facet) && values.length > 0,
    ),
  );
  return { ...search, sort, filters };
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new WenshiError('invalid_argument', 'saved_search_name_empty');
  if (trimmed.length > SAVED_SEARCH_NAME_MAX)
    throw new WenshiError('invalid_argument', 'saved_search_name_too_long', { max: SAVED_SEARCH_NAME_MAX });
  return trimmed;
}

function nameTaken(name: string): WenshiError {
  return new WenshiError('exists', 'saved_search_exists', { name });
}

/**
 * The list with a search added, or, when `replace` is set and one of that name exists, with that
 * one's query, sort and filters replaced (it keeps its place and id).
 */
export function withSearch(
  list: readonly SavedSearch[],
  input: SavedSearchInput,
  options: { id: string; now: string; replace: boolean },
): SavedSearch[] {
  const name = checkName(input.name);
  const query = input.query.trim();
  if (!query) throw new WenshiError('invalid_argument', 'saved_search_query_empty');
  const filters = Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v && v.length > 0));
  const existing = list.find((s) => s.name === name);
  if (existing && !options.replace) throw nameTaken(name);
  if (existing)
    return list.map((s) =>
      s === existing ? { ...s, query, sort: input.sort, filters, updatedAt: options.now } : s,
    );
  return [
    ...list,
    {
      id: options.id,
      name,
      query,
      sort: input.sort,
      filters,
      createdAt: options.now,
      updatedAt: options.now,
    },
  ];
}

function find(list: readonly SavedSearch[], id: string): SavedSearch {
  const found = list.find((s) => s.id === id);
  if (!found) throw new WenshiError('not_found', 'saved_search_not_found');
  return found;
}

export function withRenamedSearch(
  list: readonly SavedSearch[],
  id: string,
  newName: string,
  now: string,
): SavedSearch[] {
  const target = find(list, id);
  const name = checkName(newName);
  if (list.some((s) => s.name === name && s.id !== id)) throw nameTaken(name);
  return list.map((s) => (s === target ? { ...s, name, updatedAt: now } : s));
}

export function withoutSearch(list: readonly SavedSearch[], id: string): SavedSearch[] {
  const target = find(list, id);
  return list.filter((s) => s !== target);
}
