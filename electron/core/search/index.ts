export {
  SearchIndex,
  SORT_ORDERS,
  FACET_NAMES,
  docInput,
  itemFields,
  type ItemSource,
  type SearchHit,
  type SearchResult,
  type SearchOptions,
  type SortOrder,
  type FacetName,
  type FacetCount,
} from './searchIndex';
export { parseQuery, type ParsedQuery, type Clause, type QueryTerm, type TextField } from './queryParser';
export { TextIndex, INDEX_FORMAT_VERSION } from './textIndex';
export { pinyinSyllables, pinyinTerms } from './pinyin';
export { WorkerSearch, inlineSearch, type SearchEngine, type SearchEngineOptions } from './searchEngine';
