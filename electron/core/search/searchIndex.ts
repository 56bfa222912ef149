import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import {
  EDITORIAL_STATUSES,
  ITEM_KINDS,
  SEARCH_FACETS as FACET_NAMES,
  dateRange,
  type Item,
  type ListSort,
  type SearchFacet as FacetName,
} from '../model';
import type { Progress } from '../jobs';
import { OVERFLOW_CHAR } from './postings';
import { MULTI_FACETS, dayNumber, itemFacts } from './factTable';
import { NO_HITS, fromList, intersect, subtract, topByScore, topK, union, type Hits } from './hitSets';
import { pinyinTerms } from './pinyin';
import { parseQuery, type QueryTerm, type TextField } from './queryParser';
import { TextIndex, type DocInput, type TermHits } from './textIndex';
import { FIELD_SEP, VALUE_SEP, normalizeQuery, phrasePattern, queryTokens } from './tokenize';

export { SEARCH_SORTS as SORT_ORDERS, LIST_SORTS, SEARCH_FACETS as FACET_NAMES } from '../model';
export type { SearchSort as SortOrder, ListSort, SearchFacet as FacetName } from '../model';
import type {
  SourceChange,
  ItemSource,
  QueryFilters,
  QueryRequest,
  Excerpt,
  QueryHit,
  QueryPage,
  SearchOptions,
  SearchHit,
  FacetCount,
  SearchResult,
} from './queryTypes';

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
  const range = dateRange(item.eventDate.edtf || item.createdDate.edtf);
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

/** Lists whose order is kept (see browsePage): a view, its sort, a filter or two of the sidebar. */
const KEPT_ORDERS = 4;

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
  private wasBuilt = false;
  /** The latest lists without search text, each in full order, and the index generation it was worked out in. */
  private browsed: { key: string; generation: number; docs: Uint32Array }[] = [];
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
  /** Built from the items at start (not loaded from its file): a build leaves scratch memory behind. */
  get built(): boolean {
    return this.wasBuilt;
  }

  get loaded(): boolean {
    return this.isReady;
  }

  /**
   * Works out, before anyone asks, what the first list a window shows needs: the pinyin order of
   * the titles (every sort's tie-break; half a second at 100,000 items) and the whole library
   * newest first, the list a window opens on.
   */
  prepareLists(): void {
    if (this.isReady) this.query({ sort: 'created', descending: true, limit: 1 });
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
      this.wasBuilt = done > 0;
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
        const alternatives = [word, ...fuzzy].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
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
      case 'related':
        return this.relatedTo(term);
    }
  }

  /**
   * Items linked to those whose title or 档号 has the text: links are kept both ways, so the
   * matching items' own lists name them all.
   */
  private relatedTo(term: Extract<QueryTerm, { type: 'related' }>): Hits {
    const targets = this.textTerm({ type: 'text', text: term.text, exact: term.exact, field: 'title' });
    if (!targets) return NO_HITS;
    const docs = new Set<number>();
    for (const target of targets.hits.docs)
      for (const id of this.index.facts.related[target] ?? []) {
        const doc = this.index.docNumber(id);
        if (doc !== undefined) docs.add(doc);
      }
    return fromList(
      [...docs].sort((a, b) => a - b),
      1,
    );
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
    if (!text && !request.facets && !request.snippets)
      return this.browsePage(filters, sort, descending, offset, limit);
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

  /**
   * A page of a list without search text. The orders of the last few lists are kept until the
   * index changes: a list of 100,000 items is asked for page by page as it scrolls, and working
   * the order out for each page cost tens of milliseconds every time. A count (limit 0) sorts nothing.
   */
  private browsePage(
    filters: QueryFilters,
    sort: ListSort,
    descending: boolean,
    offset: number,
    limit: number,
  ): QueryPage {
    const key = JSON.stringify([filters, sort, descending]);
    const generation = this.index.generation;
    const kept = this.browsed.find((b) => b.key === key && b.generation === generation);
    if (!kept && limit === 0)
      return { total: this.filtered(fromList(this.index.liveDocs(), 0), filters).docs.length, hits: [] };
    let docs = kept?.docs;
    if (!docs) {
      const hits = this.filtered(fromList(this.index.liveDocs(), 0), filters);
      const order = this.sorted(
        hits,
        sort === 'relevance' ? 'identifier' : sort,
        descending,
        hits.docs.length,
      );
      docs = Uint32Array.from(order, (i) => hits.docs[i]!);
    }
    // The one used now goes first; the oldest goes when there are too many.
    this.browsed = [
      { key, generation, docs },
      ...this.browsed.filter((b) => b.key !== key && b.generation === generation),
    ].slice(0, KEPT_ORDERS);
    return {
      total: docs.length,
      hits: Array.from(docs.subarray(offset, offset + limit), (doc) => ({
        id: this.index.idOf(doc),
        score: 0,
      })),
    };
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
