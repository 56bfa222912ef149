import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import { EDITORIAL_STATUSES, ITEM_KINDS, dateRange, type Item, type ItemKind } from '../model';
import type { Progress } from '../jobs';
import { OVERFLOW_CHAR } from './postings';
import { MULTI_FACETS, dayNumber, itemFacts } from './factTable';
import { pinyinTerms } from './pinyin';
import { parseQuery, type QueryTerm, type TextField } from './queryParser';
import { TextIndex, type DocInput, type TermHits } from './textIndex';
import { FIELD_SEP, VALUE_SEP, normalizeQuery, phrasePattern, queryTokens } from './tokenize';

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
export { SEARCH_SORTS as SORT_ORDERS, LIST_SORTS, SEARCH_FACETS as FACET_NAMES } from '../model';
export type { SearchSort as SortOrder, ListSort, SearchFacet as FacetName } from '../model';
import { SEARCH_FACETS as FACET_NAMES, type ListSort, type SearchFacet as FacetName } from '../model';
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
  eventDate: string;
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
const WEIGHTS = [8, 4, 4, 3, 3, 2, 2];
const FIELD_OF: Record<TextField, number> = { title: 0, people: 1, places: 2, subjects: 3 };
/** Where a snippet is taken from, best first. */
const SNIPPET_FIELDS = [5, 6, 4, 3, 0, 1, 2];
const TRANSCRIPT = 6;
const SNIPPET_RADIUS = 40;
/** Added per clause found in the title, and for the whole query found as typed: these rank first. */
const TITLE_BONUS = 1000;
const PHRASE_BONUS = 500;
const FACET_SIZE = 30;
const SAVE_DELAY_MS = 2000;
const BLANKS = new RegExp(`[\\s${FIELD_SEP}${VALUE_SEP}]`, 'g');

/** The text of each field of an item; values of a list are kept apart so phrases never span two. */
export function itemFields(item: Item): string[] {
  const join = (values: (string | undefined)[]) => values.filter(Boolean).join(VALUE_SEP);
  const segments = item.oral?.segments ?? [];
  return [
    join([item.title, item.subtitle, item.identifier]),
    join(item.people.map((p) => p.name)),
    join(item.places),
    join([...item.subjects, ...item.keywords, ...item.organizations, ...item.tags, ...item.collections]),
    join([
      item.abstract,
      item.photo?.caption,
      item.notes,
      ...segments.flatMap((s) => [s.title, s.summary, ...s.keywords]),
    ]),
    item.text,
    // One slot per segment, so a match's position tells which segment it is in.
    segments.map((s) => s.text ?? '').join(VALUE_SEP),
  ];
}

function yearsOf(item: Item): [number, number] | null {
  const range = dateRange(item.eventDate || item.createdDate);
  return range ? [Number(range.start.slice(0, 4)), Number(range.end.slice(0, 4))] : null;
}

export function docInput(item: Item): DocInput {
  return {
    id: item.id,
    version: item.updatedAt,
    fields: itemFields(item),
    pinyin: {
      0: pinyinTerms(item.title),
      1: item.people.flatMap((p) => pinyinTerms(p.name)),
      2: item.places.flatMap((p) => pinyinTerms(p)),
    },
    years: yearsOf(item),
    facts: itemFacts(item),
  };
}

/** A search hit from a page's hit and the item: the snippet is cut from the original text. */
export function searchHit(item: Item, hit: QueryHit): SearchHit {
  const out: SearchHit = {
    id: item.id,
    title: item.title,
    kind: item.kind,
    identifier: item.identifier,
    eventDate: item.eventDate,
    score: hit.score,
    snippet: '',
    highlights: [],
  };
  if (hit.segment !== undefined) out.timecode = item.oral?.segments[hit.segment]?.start;
  if (hit.excerpt) {
    const { field, start, end, ranges } = hit.excerpt;
    const original = itemFields(item)[field] ?? '';
    const prefix = start > 0 ? '…' : '';
    const suffix = end < original.length ? '…' : '';
    // Separators and line breaks become single spaces; each is one character, so offsets hold.
    out.snippet = prefix + original.slice(start, end).replace(BLANKS, ' ') + suffix;
    out.highlights = ranges.map(([a, b]) => [a + prefix.length, b + prefix.length]);
  }
  return out;
}

/** A page as search results, the hits built from the items (an item gone meanwhile is left out). */
export function searchResult(page: QueryPage, itemOf: (id: string) => Item | undefined): SearchResult {
  const result: SearchResult = {
    total: page.total,
    hits: page.hits.flatMap((hit) => {
      const item = itemOf(hit.id);
      return item ? [searchHit(item, hit)] : [];
    }),
  };
  if (page.facets) result.facets = page.facets;
  if (page.suggestions) result.suggestions = page.suggestions;
  return result;
}

/** How collection paths are written (许昌改革记忆 › 第一卷). */
const PATH_SEPARATOR = /\s*[›>/／]\s*/;

/** The levels of a collection path: 许昌改革记忆 › 第一卷 is [许昌改革记忆, 第一卷]. */
export function collectionPath(collection: string): string[] {
  return collection.split(PATH_SEPARATOR).filter(Boolean);
}

async function* batchesOf(source: ItemSource): AsyncIterable<Item[]> {
  const all = source.all();
  if (Array.isArray(all)) yield all;
  else yield* all;
}

/** Documents in ascending order, each with its score. */
interface Hits {
  docs: Uint32Array;
  scores: Float32Array;
}

const NO_HITS: Hits = { docs: new Uint32Array(0), scores: new Float32Array(0) };

function fromList(docs: number[], score: number): Hits {
  return { docs: Uint32Array.from(docs), scores: new Float32Array(docs.length).fill(score) };
}

function intersect(a: Hits, b: Hits): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      docs.push(x);
      scores.push(a.scores[i++]! + b.scores[j++]!);
    }
  }
  return { docs: Uint32Array.from(docs), scores: Float32Array.from(scores) };
}

function union(a: Hits, b: Hits): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = i < a.docs.length ? a.docs[i]! : Infinity;
    const y = j < b.docs.length ? b.docs[j]! : Infinity;
    if (x < y) {
      docs.push(x);
      scores.push(a.scores[i++]!);
    } else if (y < x) {
      docs.push(y);
      scores.push(b.scores[j++]!);
    } else {
      docs.push(x);
      scores.push(Math.max(a.scores[i++]!, b.scores[j++]!));
    }
  }
  return { docs: Uint32Array.from(docs), scores: Float32Array.from(scores) };
}

function subtract(a: Hits, b: Hits): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let j = 0;
  for (let i = 0; i < a.docs.length; i++) {
    const x = a.docs[i]!;
    while (j < b.docs.length && b.docs[j]! < x) j++;
    if (j < b.docs.length && b.docs[j] === x) continue;
    docs.push(x);
    scores.push(a.scores[i]!);
  }
  return { docs: Uint32Array.from(docs), scores: Float32Array.from(scores) };
}

/** The k best of many, by a comparator, without sorting them all. */
function topK(items: Uint32Array, k: number, better: (a: number, b: number) => number): number[] {
  if (items.length <= k * 4) return [...items].sort(better).slice(0, k);
  // A max-heap on "worse" keeps the k best seen so far; its root is the worst of them.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a) < 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (better(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(better);
}

/**
 * The k best hits by score (ties: the earlier document first), as indexes into `hits`. The
 * relevance order is the common one and runs on every keystroke, so it gets a heap of plain
 * numbers instead of topK's comparator calls.
 */
function topByScore(hits: Hits, k: number): number[] {
  const n = hits.scores.length;
  if (k <= 0 || n === 0) return [];
  const size = Math.min(k, n);
  // A min-heap of the best `size` seen so far: its root is the weakest of them.
  const heap = new Int32Array(size);
  const scores = hits.scores;
  let count = 0;
  const weaker = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  for (let i = 0; i < n; i++) {
    if (count < size) {
      let at = count++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!weaker(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
      continue;
    }
    // Documents come in ascending order, so an equal score never beats the root.
    if (!(scores[i]! > scores[heap[0]!]!)) continue;
    heap[0] = i;
    for (let at = 0; ;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let m = at;
      if (l < size && weaker(heap[l]!, heap[m]!)) m = l;
      if (r < size && weaker(heap[r]!, heap[m]!)) m = r;
      if (m === at) break;
      [heap[at], heap[m]] = [heap[m]!, heap[at]!];
      at = m;
    }
  }
  return [...heap].sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * Made on first use: its phrase tables take ~75 MB in every thread that loads this module, and
 * only a search that finds nothing needs it.
 */
let toTraditional: ((text: string) => string) | undefined;
const pinyinCollator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** What a text term needs at query time: how to find it, and how to mark it in a snippet. */
interface PreparedTerm {
  hits: Hits;
  patterns: RegExp[];
}

/**
 * Search over the items, kept in step with them through their change events, saved in the
 * library's index/ folder and loaded from it at start (rebuilt if missing or outdated).
 *
 * The index finds candidates from bigram and word postings; a candidate of a phrase longer than
 * two characters is then checked against its stored folded text, so every item containing the
 * sequence is found and no item merely containing its pieces.
 */
export class SearchIndex {
  private readonly index = new TextIndex(WEIGHTS);
  private readonly pending: SourceChange[] = [];
  private isReady = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly source: ItemSource,
    private readonly options: {
      /** The index/ folder; without it the index lives in memory only. */
      dir?: string;
      /** Whether this process may write the folder (not when the library is open read-only). */
      persist?: boolean;
      onProgress?: (progress: Progress) => void;
    } = {},
  ) {
    source.onChange((change) => {
      if (!this.isReady) this.pending.push(change);
      else this.apply(change);
    });
    this.ready = this.start();
  }

  /** True once loaded or built. */
  get loaded(): boolean {
    return this.isReady;
  }

  private apply(change: SourceChange): void {
    if (change.type === 'put') this.index.add(docInput(change.item));
    else this.index.remove(change.item.id);
    this.scheduleSave();
  }

  private async start(): Promise<void> {
    const dir = this.options.dir;
    const loaded = dir ? await this.index.load(dir).catch(() => false) : false;
    if (loaded) {
      // Catch up with changes made while the index was not running (a crash before a save).
      let changed = false;
      const present = new Set<string>();
      let batches = batchesOf(this.source);
      const versions = this.source.versions?.();
      const some = this.source.some?.bind(this.source);
      if (versions && some) {
        const stale: string[] = [];
        for (const [id, version] of versions) {
          present.add(id);
          if (this.index.versionOf(id) !== version) stale.push(id);
        }
        batches = stale.length ? some(stale) : (async function* () {})();
      }
      for await (const batch of batches)
        for (const item of batch) {
          present.add(item.id);
          if (this.index.versionOf(item.id) !== item.updatedAt) {
            this.index.add(docInput(item));
            changed = true;
          }
        }
      // Every item is indexed now, so more documents than items means some were deleted.
      if (this.index.size > present.size) {
        for (const id of this.index.liveIds()) if (!present.has(id)) this.index.remove(id);
        changed = true;
      }
      if (changed) this.scheduleSave();
    } else {
      let total = this.source.size ?? 0;
      let done = 0;
      const report = () => this.options.onProgress?.({ phase: 'index', done, total: Math.max(total, done) });
      report();
      const source = this.source;
      // Items are turned into index input as they are read, and not kept.
      const inputs = (async function* () {
        for await (const batch of batchesOf(source))
          for (const item of batch) {
            done++;
            yield docInput(item);
          }
      })();
      await this.index.build(inputs, total, async () => {
        report();
        // Let other work (and the doors' requests) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      });
      total = done;
      report();
      // An empty library has nothing worth a file.
      if (done > 0) this.scheduleSave(0);
    }
    this.isReady = true;
    for (const change of this.pending.splice(0)) this.apply(change);
  }

  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (!this.options.dir || this.options.persist === false) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delay);
    this.saveTimer.unref?.();
  }

  private save(): Promise<void> {
    this.saveTimer = undefined;
    const dir = this.options.dir!;
    // An index that cannot be written is rebuilt at the next start; searching goes on.
    this.saving = this.saving.then(() => this.index.save(dir)).catch(() => undefined);
    return this.saving;
  }

  /** Writes any pending changes now (at close, and for tests). */
  async flush(): Promise<void> {
    await this.ready;
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      await this.save();
    }
    await this.saving;
  }

  static folder(libraryRoot: string): string {
    return path.join(libraryRoot, 'index', 'search');
  }

  // ——— Querying ———

  private termHits(th: TermHits): Hits {
    const scores = this.index.bm25(th);
    for (let i = 0; i < scores.length; i++) if (th.title[i]) scores[i]! += TITLE_BONUS;
    return { docs: th.docs, scores };
  }

  /** Candidates and snippet patterns for a text term; null if it has nothing searchable. */
  private textTerm(term: Extract<QueryTerm, { type: 'text' }>): PreparedTerm | null {
    const norm = normalizeQuery(term.text);
    const tokens = queryTokens(norm);
    if (tokens.length === 0) return null;
    let verify = term.exact || term.field !== undefined || tokens.length > 1;
    let hits: Hits | null = null;
    const patterns: RegExp[] = [];
    const and = (next: Hits) => {
      hits = hits ? intersect(hits, next) : next;
    };
    for (const token of tokens) {
      if (token.han) {
        const ids = [...token.text].map((ch) => this.index.charId(ch));
        if (ids.some((id) => id === undefined)) return { hits: NO_HITS, patterns: [] };
        if (ids.includes(OVERFLOW_CHAR)) verify = true;
        if (ids.length === 1) and(this.termHits(this.index.hanChar(ids[0]!)));
        for (let i = 0; i + 1 < ids.length; i++) and(this.termHits(this.index.hanPair(ids[i]!, ids[i + 1]!)));
        if (ids.length > 2) verify = true;
        patterns.push(phrasePattern(token.text));
      } else {
        const word = token.text;
        const fuzzy =
          !verify && word.length >= 5 && /^\p{L}+$/u.test(word)
            ? this.index.fuzzyWords(word, word.length >= 8 ? 2 : 1)
            : [];
        and(this.termHits(this.index.latinTerms(word, fuzzy, /^[a-z]+$/.test(word))));
        const alternatives = [word, ...fuzzy].map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
        patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'gu'));
      }
    }
    let result: Hits = hits ?? NO_HITS;
    if (verify) {
      const pattern = phrasePattern(norm);
      const field = term.field === undefined ? undefined : FIELD_OF[term.field];
      const pinyinWord = /^[a-z]+$/.test(norm) ? new RegExp(`(?:^| )${norm}`) : null;
      const keep = (doc: number) => {
        pattern.lastIndex = 0;
        if (field === undefined) return pattern.test(this.index.text(doc));
        if (pattern.test(this.index.fieldText(doc, field))) return true;
        return pinyinWord !== null && pinyinWord.test(this.index.pinyinOf(doc, field));
      };
      const docs: number[] = [];
      const scores: number[] = [];
      result.docs.forEach((doc, i) => {
        if (keep(doc)) {
          docs.push(doc);
          scores.push(result.scores[i]!);
        }
      });
      result = { docs: Uint32Array.from(docs), scores: Float32Array.from(scores) };
      if (tokens.length > 1) patterns.unshift(pattern);
    }
    return { hits: result, patterns };
  }

  private termOf(term: QueryTerm, patterns: RegExp[]): Hits | null {
    switch (term.type) {
      case 'text': {
        const prepared = this.textTerm(term);
        if (!prepared) return null;
        patterns.push(...prepared.patterns);
        return prepared.hits;
      }
      case 'years': {
        const dated = fromList(this.index.docsInYears(term.from, term.to), 0.5);
        const text = term.text ? this.textTerm({ type: 'text', text: term.text, exact: false }) : null;
        if (text) patterns.push(...text.patterns);
        return text ? union(dated, text.hits) : dated;
      }
      case 'kind': {
        const code = ITEM_KINDS.indexOf(term.kind);
        return fromList(
          this.index.liveDocs().filter((doc) => this.index.facts.kind[doc] === code),
          0,
        );
      }
      case 'status': {
        const code = EDITORIAL_STATUSES.indexOf(term.status);
        return fromList(
          this.index.liveDocs().filter((doc) => this.index.facts.status[doc] === code),
          0,
        );
      }
    }
  }

  /** The documents a query matches, with scores, and the patterns that mark its matches. */
  private evaluate(query: string): { hits: Hits; patterns: RegExp[]; phrases: string[] } {
    const patterns: RegExp[] = [];
    const phrases: string[] = [];
    let positive: Hits | null = null;
    const negative: Hits[] = [];
    for (const clause of parseQuery(query).clauses) {
      let clauseHits: Hits | null = null;
      for (const term of clause.any) {
        const hits = this.termOf(term, clause.negate ? [] : patterns);
        if (hits) clauseHits = clauseHits ? union(clauseHits, hits) : hits;
        if (!clause.negate && clause.any.length === 1 && term.type === 'text') phrases.push(term.text);
      }
      if (!clauseHits) continue;
      if (clause.negate) negative.push(clauseHits);
      else positive = positive ? intersect(positive, clauseHits) : clauseHits;
    }
    let hits = positive ?? (negative.length ? fromList(this.index.liveDocs(), 0) : NO_HITS);
    for (const n of negative) hits = subtract(hits, n);
    return { hits, patterns, phrases };
  }

  /** Items that have all the query's words as typed, side by side, rank above the rest. */
  private phraseBonus(hits: Hits, phrases: string[]): void {
    if (phrases.length < 2 || hits.docs.length > 20_000) return;
    const pattern = phrasePattern(normalizeQuery(phrases.join('')));
    hits.docs.forEach((doc, i) => {
      pattern.lastIndex = 0;
      if (pattern.test(this.index.text(doc))) hits.scores[i]! += PHRASE_BONUS;
    });
  }

  /**
   * The one query of the index: a search with text, or a browse without, filtered, counted by
   * facet, sorted and cut to a page. Hits carry ids, scores and where the match is; the items
   * themselves are the caller's (see searchResult).
   */
  query(request: QueryRequest = {}): QueryPage {
    if (!this.isReady) throw new Error('search index is not ready');
    const { limit = 50, offset = 0, sort = 'relevance', descending = false, filters = {} } = request;
    const text = request.text?.trim() ?? '';
    this.index.beginQuery();
    const evaluated = text
      ? this.evaluate(text)
      : { hits: fromList(this.index.liveDocs(), 0), patterns: [], phrases: [] };
    const hits = this.filtered(evaluated.hits, filters);
    if (text) this.phraseBonus(hits, evaluated.phrases);
    const best =
      text && sort === 'relevance'
        ? topByScore(hits, offset + limit)
        : this.sorted(hits, sort === 'relevance' ? 'identifier' : sort, descending, offset + limit);
    const snippets = request.snippets ?? Boolean(text);
    const page: QueryPage = {
      total: hits.docs.length,
      hits: best.slice(offset).map((i) => {
        const doc = hits.docs[i]!;
        const hit: QueryHit = { id: this.index.idOf(doc), score: hits.scores[i]! };
        return snippets ? { ...hit, ...this.excerpt(doc, evaluated.patterns) } : hit;
      }),
    };
    if (request.facets) page.facets = this.facets(hits, request.facetSize);
    if (page.total === 0 && text) {
      const suggestions = this.suggestions(text);
      if (suggestions.length) page.suggestions = suggestions;
    }
    return page;
  }

  /** A query with its hits built from the source's items (the catalog, in this thread). */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const get = this.source.get?.bind(this.source);
    if (!get) throw new Error('search() needs a source that holds its items; use query()');
    return searchResult(this.query({ ...options, text: query, snippets: true }), get);
  }

  /** The hits that pass the filters. */
  private filtered(hits: Hits, filters: QueryFilters): Hits {
    const facts = this.index.facts;
    const tests: ((doc: number) => boolean)[] = [];
    const codes = (wanted: string[], names: readonly string[]) =>
      new Set(wanted.map((w) => names.indexOf(w)));
    if (filters.kind?.length) {
      const wanted = codes(filters.kind, ITEM_KINDS);
      tests.push((doc) => wanted.has(facts.kind[doc]!));
    }
    if (filters.status?.length) {
      const wanted = codes(filters.status, EDITORIAL_STATUSES);
      tests.push((doc) => wanted.has(facts.status[doc]!));
    }
    if (filters.decade?.length) {
      const wanted = new Set(filters.decade);
      tests.push((doc) => {
        const years = this.index.years(doc);
        return years !== null && wanted.has(String(Math.floor(years[0] / 10) * 10));
      });
    }
    for (const facet of MULTI_FACETS) {
      const wanted = filters[facet];
      if (!wanted?.length) continue;
      const numbers = new Set(
        wanted.map((v) => facts.dictionaries[facet].find(v)).filter((n) => n !== undefined),
      );
      tests.push((doc) => facts.values[facet][doc]!.some((n) => numbers.has(n)));
    }
    if (filters.collectionPath?.length) {
      const path = filters.collectionPath;
      const numbers = new Set<number>();
      facts.dictionaries.collection.values.forEach((value, n) => {
        const parts = collectionPath(value);
        if (path.every((part, i) => parts[i] === part)) numbers.add(n);
      });
      tests.push((doc) => facts.values.collection[doc]!.some((n) => numbers.has(n)));
    }
    if (filters.dates && (filters.dates.from || filters.dates.to)) {
      const from = filters.dates.from ? dayNumber(dateRange(filters.dates.from)?.start) : 0;
      const to = filters.dates.to ? dayNumber(dateRange(filters.dates.to)?.end) : 99_999_999;
      // A bound that is not a date matches nothing rather than everything.
      const valid = (!filters.dates.from || from > 0) && (!filters.dates.to || to > 0);
      tests.push(
        (doc) =>
          valid && facts.firstDay[doc]! > 0 && facts.firstDay[doc]! <= to && facts.lastDay[doc]! >= from,
      );
    }
    if (filters.createdSince) {
      const since = Date.parse(filters.createdSince);
      tests.push((doc) => facts.createdAt[doc]! >= since);
    }
    if (filters.pendingReview !== undefined) {
      const wanted = filters.pendingReview;
      tests.push((doc) => facts.pending[doc]! > 0 === wanted);
    }
    if (tests.length === 0) return hits;
    const keep: number[] = [];
    hits.docs.forEach((doc, i) => {
      if (tests.every((test) => test(doc))) keep.push(i);
    });
    return {
      docs: Uint32Array.from(keep, (i) => hits.docs[i]!),
      scores: Float32Array.from(keep, (i) => hits.scores[i]!),
    };
  }

  /**
   * The first k hits in an order other than relevance, as indexes into `hits`. Each hit gets a
   * number for the order's value (Infinity when it has none, so it goes last either way) and
   * its title's rank for ties.
   */
  private sorted(hits: Hits, sort: Exclude<ListSort, 'relevance'>, descending: boolean, k: number): number[] {
    const facts = this.index.facts;
    const live = () => this.index.liveDocs();
    const titleRank = facts.byTitle.rank(live, this.index.docCount);
    const identifierRank = sort === 'identifier' ? facts.byIdentifier.rank(live, this.index.docCount) : null;
    const n = hits.docs.length;
    const primary = new Float64Array(n);
    const secondary = new Float64Array(n);
    const dir = descending ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const doc = hits.docs[i]!;
      let value: number;
      switch (sort) {
        case 'title':
          value = facts.title[doc] ? titleRank[doc]! : NaN;
          break;
        case 'identifier':
          value = facts.identifier[doc] ? identifierRank![doc]! : NaN;
          break;
        case 'date':
          value = facts.eventDay[doc] || NaN;
          break;
        case 'created':
          value = facts.createdAt[doc] || NaN;
          break;
      }
      primary[i] = Number.isNaN(value) ? Infinity : dir * value;
      secondary[i] = dir * titleRank[doc]!;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Infinity - Infinity is NaN, which is falsy: two items without a value go by title.
    return topK(order, k, (a, b) => primary[a]! - primary[b]! || secondary[a]! - secondary[b]!);
  }

  private facets(hits: Hits, size = FACET_SIZE): Record<FacetName, FacetCount[]> {
    const facts = this.index.facts;
    const kinds = new Array<number>(ITEM_KINDS.length).fill(0);
    const statuses = new Array<number>(EDITORIAL_STATUSES.length).fill(0);
    const decades = new Map<string, number>();
    const multi = Object.fromEntries(
      MULTI_FACETS.map((f) => [f, new Uint32Array(facts.dictionaries[f].values.length)]),
    ) as Record<(typeof MULTI_FACETS)[number], Uint32Array>;
    for (const doc of hits.docs) {
      kinds[facts.kind[doc]!]!++;
      statuses[facts.status[doc]!]!++;
      const years = this.index.years(doc);
      if (years) {
        const decade = String(Math.floor(years[0] / 10) * 10);
        decades.set(decade, (decades.get(decade) ?? 0) + 1);
      }
      for (const facet of MULTI_FACETS) for (const n of facts.values[facet][doc]!) multi[facet][n]!++;
    }
    const named = (names: readonly string[], counts: ArrayLike<number>) =>
      Array.from(names, (value, i) => ({ value, count: counts[i]! }));
    const lists: Record<FacetName, FacetCount[]> = {
      kind: named(ITEM_KINDS, kinds),
      decade: [...decades].map(([value, count]) => ({ value, count })),
      place: named(facts.dictionaries.place.values, multi.place),
      person: named(facts.dictionaries.person.values, multi.person),
      subject: named(facts.dictionaries.subject.values, multi.subject),
      status: named(EDITORIAL_STATUSES, statuses),
      collection: named(facts.dictionaries.collection.values, multi.collection),
    };
    return Object.fromEntries(
      FACET_NAMES.map((name) => [
        name,
        lists[name]
          .filter((f) => f.count > 0)
          .sort((a, b) => b.count - a.count || pinyinCollator.compare(a.value, b.value))
          .slice(0, size),
      ]),
    ) as Record<FacetName, FacetCount[]>;
  }

  /** Where the snippet of a hit lies: around the first match, in the best field that has one. */
  private excerpt(doc: number, patterns: RegExp[]): { excerpt: Excerpt; segment?: number } {
    const fields = this.index.text(doc).split(FIELD_SEP);
    const firstMatch = (field: number) => {
      let first = -1;
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        const m = pattern.exec(fields[field] ?? '');
        if (m && (first < 0 || m.index < first)) first = m.index;
      }
      return first;
    };
    let segment: number | undefined;
    const inTranscript = firstMatch(TRANSCRIPT);
    if (inTranscript >= 0) segment = fields[TRANSCRIPT]!.slice(0, inTranscript).split(VALUE_SEP).length - 1;
    let field = SNIPPET_FIELDS.find((f) => firstMatch(f) >= 0);
    let first = field === undefined ? 0 : firstMatch(field);
    if (field === undefined) {
      field = fields[5] ? 5 : 4;
      first = 0;
    }
    const folded = fields[field] ?? '';
    const start = Math.max(0, first - SNIPPET_RADIUS);
    const end = Math.min(folded.length, first + SNIPPET_RADIUS * 2);
    const window = folded.slice(start, end);
    const ranges: [number, number][] = [];
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
        if (m[0].length === 0) pattern.lastIndex++;
        else ranges.push([m.index, m.index + m[0].length]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const excerpt: Excerpt = { field, start, end, ranges };
    return segment === undefined ? { excerpt } : { excerpt, segment };
  }

  /** Other queries that find something: the query in the other script, or with a term left out. */
  private suggestions(query: string): { query: string; total: number }[] {
    const out: { query: string; total: number }[] = [];
    const count = (q: string) => this.evaluate(q).hits.docs.length;
    toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
    const other = toTraditional(query);
    const otherTotal = other !== query ? count(other) : 0;
    if (otherTotal > 0) out.push({ query: other, total: otherTotal });
    const words = query.trim().split(/\s+/);
    if (words.length > 1)
      words.forEach((_, i) => {
        const fewer = words.filter((__, j) => j !== i).join(' ');
        const total = count(fewer);
        if (total > 0 && !out.some((s) => s.query === fewer)) out.push({ query: fewer, total });
      });
    return out.sort((a, b) => b.total - a.total).slice(0, 5);
  }
}
