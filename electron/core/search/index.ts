export { SearchIndex, type SearchHit, type SearchResult } from './searchIndex';
export { indexTerms, queryTokens } from './tokenize';
