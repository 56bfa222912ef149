// The words of search shared by the index, the contract and the pages: written here once.

/** Orders of search results and lists; title sorts by pinyin. */
export const SEARCH_SORTS = ['relevance', 'date', 'identifier', 'title'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The search's orders and, for lists, the order items were created in. */
export const LIST_SORTS = [...SEARCH_SORTS, 'created'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** What search results can be counted and filtered by. */
export const SEARCH_FACETS = [
  'kind',
  'decade',
  'place',
  'person',
  'subject',
  'status',
  'collection',
] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** The fields whose names pickers offer as you type. */
export const VOCABULARY_FIELDS = ['people', 'places', 'subjects'] as const;
export type VocabularyField = (typeof VOCABULARY_FIELDS)[number];
