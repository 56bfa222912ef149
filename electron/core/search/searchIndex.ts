import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import type { CatalogChange } from '../catalog';
import { dateRange, type Item, type ItemKind } from '../model';
import type { Progress } from '../jobs';
import { OVERFLOW_CHAR } from './postings';
import { pinyinTerms } from './pinyin';
import { parseQuery, type QueryTerm, type TextField } from './queryParser';
import { TextIndex, type DocInput, type TermHits } from './textIndex';
import { FIELD_SEP, VALUE_SEP, normalizeQuery, phrasePattern, queryTokens } from './tokenize';

/** What the index follows: the catalog, or any list of items that reports its changes. */
export interface ItemSource {
  all(): Item[];
  get(id: string): Item | undefined;
  onChange(listener: (change: CatalogChange) => void): () => void;
}

export const SORT_ORDERS = ['relevance', 'date', 'identifier', 'title'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const FACET_NAMES = ['kind', 'decade', 'place', 'person', 'subject', 'status', 'collection'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SortOrder;
  /** Chosen facet values: any value of one facet, every facet given. */
  filters?: Partial<Record<FacetName, string[]>>;
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
  };
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

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const pinyinCollator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const identifierCollator = new Intl.Collator('zh-Hans-CN', { numeric: true });

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
  private readonly pending: CatalogChange[] = [];
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

  private apply(change: CatalogChange): void {
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
      const items = this.source.all();
      if (!this.index.savedOver(items.map((item) => ({ id: item.id, version: item.updatedAt }))))
        for (const item of items)
          if (this.index.versionOf(item.id) !== item.updatedAt) {
            this.index.add(docInput(item));
            changed = true;
          }
      // Every item is indexed now, so more documents than items means some were deleted.
      if (this.index.size > items.length) {
        const present = new Set(items.map((i) => i.id));
        for (const id of this.index.liveIds()) if (!present.has(id)) this.index.remove(id);
        changed = true;
      }
      if (changed) this.scheduleSave();
    } else {
      const items = this.source.all();
      const report = (done: number) =>
        this.options.onProgress?.({ phase: 'index', done, total: items.length });
      report(0);
      const inputs = (function* () {
        for (const item of items) yield docInput(item);
      })();
      await this.index.build(inputs, items.length, async (done) => {
        report(done);
        // Let other work (and the doors' requests) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      });
      report(items.length);
      // An empty library has nothing worth a file.
      if (items.length > 0) this.scheduleSave(0);
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
      case 'kind':
        return this.where((item) => item.kind === term.kind);
      case 'status':
        return this.where((item) => item.editorialStatus === term.status);
    }
  }

  private where(test: (item: Item) => boolean): Hits {
    return fromList(
      this.index.liveDocs().filter((doc) => {
        const item = this.source.get(this.index.idOf(doc));
        return item !== undefined && test(item);
      }),
      0,
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

  search(query: string, options: SearchOptions = {}): SearchResult {
    if (!this.isReady) throw new Error('search index is not ready');
    const { limit = 50, offset = 0, sort = 'relevance', filters, facets } = options;
    this.index.beginQuery();
    const evaluated = this.evaluate(query);
    let { hits } = evaluated;
    const needItems =
      facets || (filters && Object.values(filters).some((v) => v?.length)) || sort !== 'relevance';
    const items = needItems ? Array.from(hits.docs, (doc) => this.source.get(this.index.idOf(doc))) : [];
    if (filters && Object.values(filters).some((v) => v?.length)) {
      const keep: number[] = [];
      hits.docs.forEach((doc, i) => {
        const item = items[i];
        if (item && this.matchesFilters(item, doc, filters)) keep.push(i);
      });
      hits = {
        docs: Uint32Array.from(keep, (i) => hits.docs[i]!),
        scores: Float32Array.from(keep, (i) => hits.scores[i]!),
      };
      const kept = keep.map((i) => items[i]);
      items.length = 0;
      items.push(...kept);
    }
    this.phraseBonus(hits, evaluated.phrases);
    let best: number[];
    if (sort === 'relevance') best = topByScore(hits, offset + limit);
    else {
      const order = new Uint32Array(hits.docs.length);
      for (let i = 0; i < order.length; i++) order[i] = i;
      best = topK(order, offset + limit, this.comparator(sort, hits, items));
    }
    const page = best.slice(offset);
    const result: SearchResult = {
      total: hits.docs.length,
      hits: page.flatMap((i) => {
        const doc = hits.docs[i]!;
        const item = items[i] ?? this.source.get(this.index.idOf(doc));
        return item ? [this.hit(item, doc, hits.scores[i]!, evaluated.patterns)] : [];
      }),
    };
    if (facets) result.facets = this.facets(hits, items);
    if (result.total === 0 && query.trim()) {
      const suggestions = this.suggestions(query);
      if (suggestions.length) result.suggestions = suggestions;
    }
    return result;
  }

  private matchesFilters(item: Item, doc: number, filters: NonNullable<SearchOptions['filters']>): boolean {
    const values = this.facetValues(item, doc);
    return FACET_NAMES.every((name) => {
      const wanted = filters[name];
      return !wanted?.length || values[name].some((v) => wanted.includes(v));
    });
  }

  private facetValues(item: Item, doc: number): Record<FacetName, string[]> {
    const years = this.index.years(doc);
    return {
      kind: [item.kind],
      decade: years ? [String(Math.floor(years[0] / 10) * 10)] : [],
      place: item.places,
      person: [...new Set(item.people.map((p) => p.name))],
      subject: item.subjects,
      status: [item.editorialStatus],
      collection: item.collections,
    };
  }

  private facets(hits: Hits, items: (Item | undefined)[]): Record<FacetName, FacetCount[]> {
    const counts = Object.fromEntries(FACET_NAMES.map((n) => [n, new Map<string, number>()])) as Record<
      FacetName,
      Map<string, number>
    >;
    hits.docs.forEach((doc, i) => {
      const item = items[i];
      if (!item) return;
      const values = this.facetValues(item, doc);
      for (const name of FACET_NAMES)
        for (const value of values[name]) counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
    });
    return Object.fromEntries(
      FACET_NAMES.map((name) => [
        name,
        [...counts[name]]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || pinyinCollator.compare(a.value, b.value))
          .slice(0, FACET_SIZE),
      ]),
    ) as Record<FacetName, FacetCount[]>;
  }

  private comparator(
    sort: SortOrder,
    hits: Hits,
    items: (Item | undefined)[],
  ): (a: number, b: number) => number {
    const byScore = (a: number, b: number) =>
      hits.scores[b]! - hits.scores[a]! || hits.docs[a]! - hits.docs[b]!;
    switch (sort) {
      case 'relevance':
        return byScore;
      case 'date': {
        // Undated items go last; among the dated, the earliest first.
        const starts = items.map((item) => (item && dateRange(item.eventDate)?.start) || '9999');
        return (a, b) => starts[a]!.localeCompare(starts[b]!) || byScore(a, b);
      }
      case 'identifier':
        return (a, b) =>
          identifierCollator.compare(items[a]?.identifier ?? '', items[b]?.identifier ?? '') || byScore(a, b);
      case 'title':
        return (a, b) =>
          pinyinCollator.compare(items[a]?.title ?? '', items[b]?.title ?? '') || byScore(a, b);
    }
  }

  /** The hit with a snippet of the original text around the first match, and a timecode. */
  private hit(item: Item, doc: number, score: number, patterns: RegExp[]): SearchHit {
    const fields = itemFields(item);
    const hit: SearchHit = {
      id: item.id,
      title: item.title,
      kind: item.kind,
      identifier: item.identifier,
      eventDate: item.eventDate,
      score,
      snippet: '',
      highlights: [],
    };
    const firstMatch = (field: number) => {
      let first = -1;
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        const m = pattern.exec(this.index.fieldText(doc, field));
        if (m && (first < 0 || m.index < first)) first = m.index;
      }
      return first;
    };
    const segments = item.oral?.segments ?? [];
    if (segments.length) {
      const at = firstMatch(TRANSCRIPT);
      if (at >= 0) {
        const folded = this.index.fieldText(doc, TRANSCRIPT);
        const segment = folded.slice(0, at).split(VALUE_SEP).length - 1;
        hit.timecode = segments[segment]?.start;
      }
    }
    let field = SNIPPET_FIELDS.find((f) => firstMatch(f) >= 0);
    let first = field === undefined ? 0 : firstMatch(field);
    if (field === undefined) {
      field = fields[5] ? 5 : 4;
      first = 0;
    }
    const original = fields[field]!;
    const folded = this.index.fieldText(doc, field);
    const start = Math.max(0, first - SNIPPET_RADIUS);
    const end = Math.min(original.length, first + SNIPPET_RADIUS * 2);
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
    const prefix = start > 0 ? '…' : '';
    const suffix = end < original.length ? '…' : '';
    // Separators and line breaks become single spaces; each is one character, so offsets hold.
    hit.snippet = prefix + original.slice(start, end).replace(BLANKS, ' ') + suffix;
    hit.highlights = ranges.map(([a, b]) => [a + prefix.length, b + prefix.length]);
    return hit;
  }

  /** Other queries that find something: the query in the other script, or with a term left out. */
  private suggestions(query: string): { query: string; total: number }[] {
    const out: { query: string; total: number }[] = [];
    const count = (q: string) => this.evaluate(q).hits.docs.length;
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
