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
  type ItemSource,
  type SourceChange,
  type ListSort,
  type FacetFilters,
  type QueryFilters,
  type QueryRequest,
  type QueryPage,
  type QueryHit,
  type Excerpt,
  type SearchHit,
  type SearchResult,
  type SearchOptions,
  type SortOrder,
  type FacetName,
  type FacetCount,
} from './searchIndex';
export { parseQuery, type ParsedQuery, type Clause, type QueryTerm, type TextField } from './queryParser';
export { TextIndex, INDEX_FORMAT_VERSION } from './textIndex';
export { itemFacts, type ItemFacts } from './factTable';
export { pinyinSyllables, pinyinTerms } from './pinyin';
export { WorkerSearch, inlineSearch, type SearchEngine, type SearchEngineOptions } from './searchEngine';
