// The shapes of queries and their answers, shared by the index, the worker and the engines.
import type { FuzzyDate, Item, ItemKind, ListSort, SearchFacet as FacetName } from '../model';

/** A change the index follows: an item written, or an item gone. */
export type SourceChange = { type: 'put'; item: Item } | { type: 'delete'; item: { id: string } };

/** What the index follows: the catalog, or any list of items that reports its changes. */
export interface ItemSource {
  /**
   * Every item now: all at once, or in batches read one after another (the catalog's files a
   * shard at a time, so that a worker never holds every item at once).
   */
  all(): Item[] | AsyncIterable<Item[]>;
  /**
   * The id and version (updatedAt) of every item, where the source knows them without reading
   * the items: a saved index then reads only the items that changed since (see `some`).
   */
  versions?(): Iterable<[id: string, version: string]> | undefined;
  /** Batches holding at least the items with these ids (others are ignored). */
  some?(ids: string[]): AsyncIterable<Item[]>;
  /** The item, where the source holds it: `search()` builds its hits from it. */
  get?(id: string): Item | undefined;
  /** How many items there are, if known before they are read: for progress while building. */
  readonly size?: number;
  onChange(listener: (change: SourceChange) => void): () => void;
}

// The orders and facets are the model's, written there once.
/** Chosen facet values: any value of one facet, every facet given. */
export type FacetFilters = Partial<Record<FacetName, string[]>>;

/** Filters of a query: the facets, and what the library's list views narrow by. */
export interface QueryFilters extends FacetFilters {
  /**
   * Items whose date (the event date, else the date of creation) overlaps these dates, each a
   * date as the catalog writes them (1984, 1984-05, 198X); an open end is unbounded. Undated
   * items are left out.
   */
  dates?: { from?: string; to?: string };
  /** Items created at or after this instant (ISO 8601). */
  createdSince?: string;
  /** Items with (true) or without (false) suggestions or garbled-text flags waiting for review. */
  pendingReview?: boolean;
  /**
   * Items in a collection or in one under it: collections are paths written with › > / or ／
   * between the parts (许昌改革记忆 › 第一卷), and this is the path's first parts.
   */
  collectionPath?: string[];
}

/**
 * One query of the index, for the search and the lists alike. Without text (or with only
 * blanks) it browses: every item passing the filters, in the order asked for.
 */
export interface QueryRequest {
  text?: string;
  filters?: QueryFilters;
  /**
   * relevance (by score; without text it falls back to identifier), date (event date, undated
   * last), identifier (档号 in natural order, empty last), title (pinyin order), created.
   * Ties go by title in pinyin order, then id, so the order is total and pages are stable.
   */
  sort?: ListSort;
  /** Reverses the order; items without the value sorted by (no date, no 档号) stay last. */
  descending?: boolean;
  offset?: number;
  limit?: number;
  /** Count the values of each facet among all the matches. */
  facets?: boolean;
  /** How many values of each facet to count, most frequent first (30 by default, for a search's side panel). */
  facetSize?: number;
  /** Where each hit's snippet lies (the default with text). */
  snippets?: boolean;
}

/** Where a hit's snippet lies: offsets into one field of itemFields(item), the same in any script. */
export interface Excerpt {
  field: number;
  start: number;
  end: number;
  /** [start, end) of each match, relative to `start`. */
  ranges: [number, number][];
}

/** One item of a page: its id, and for text queries its score and where the match is. */
export interface QueryHit {
  id: string;
  score: number;
  excerpt?: Excerpt;
  /** The oral-history segment whose transcript has the first match. */
  segment?: number;
}

export interface QueryPage {
  /** Items matching, over all pages. */
  total: number;
  /** The items at offset..offset+limit, in order. */
  hits: QueryHit[];
  facets?: Record<FacetName, FacetCount[]>;
  /** For a text query that found nothing: other queries that find something. */
  suggestions?: { query: string; total: number }[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: ListSort;
  descending?: boolean;
  filters?: QueryFilters;
  facets?: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  kind: ItemKind;
  identifier: string;
  eventDate: FuzzyDate;
  score: number;
  /** Original text around the first match. */
  snippet: string;
  /** [start, end) of each match inside `snippet`. */
  highlights: [number, number][];
  /** Seconds into the recording: the oral-history segment whose transcript has the match. */
  timecode?: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: Record<FacetName, FacetCount[]>;
  /** For a query that found nothing: other queries that find something. */
  suggestions?: { query: string; total: number }[];
}

/** Weights of the fields in index order (see itemFields): title > people, places > terms, abstract > text. */
