export {
  SearchIndex,
  SORT_ORDERS,
  LIST_SORTS,
  FACET_NAMES,
  docInput,
  itemFields,
  searchHit,
  searchResult,
  collectionPath,
  type ListSort,
  type SortOrder,
  type FacetName,
} from './searchIndex';
export type {
  ItemSource,
  SourceChange,
  FacetFilters,
  QueryFilters,
  QueryRequest,
  QueryPage,
  QueryHit,
  Excerpt,
  SearchHit,
  SearchResult,
  SearchOptions,
  FacetCount,
} from './queryTypes';
export { parseQuery, type ParsedQuery, type Clause, type QueryTerm, type TextField } from './queryParser';
export { TextIndex, INDEX_FORMAT_VERSION } from './textIndex';
export { itemFacts, type ItemFacts } from './factTable';
export { pinyinSyllables, pinyinTerms } from './pinyin';
export { WorkerSearch, inlineSearch, type SearchEngine, type SearchEngineOptions } from './searchEngine';
