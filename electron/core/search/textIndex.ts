import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { foldText } from '../text';
import { writeFileDurably } from '../storage';
import {
  EMPTY_SEGMENT,
  MAX_TF,
  OVERFLOW_CHAR,
  QueryArena,
  SegmentBuilder,
  TITLE_BIT,
  lowerBound,
  lowerBoundString,
  type Segment,
} from './postings';
import { FactTable, type ItemFacts } from './factTable';
import { SectionReader, SectionWriter, type Section } from './sections';
import { FIELD_SEP, scanTerms, type TermSink } from './tokenize';

/** Bump when the files in index/ change shape: an older index is then rebuilt, not misread. */
export const INDEX_FORMAT_VERSION = 4;

/** Pinyin terms live beside Latin words under this mark, so fuzzy matching never wanders into them. */
export const PINYIN_MARK = '\u0003';

export interface DocInput {
  id: string;
  /** Changes whenever the document does (the item's updatedAt): stale entries are found at load. */
  version: string;
  /** The text of each field, in the order of the index's weights; field 0 is the title. */
  fields: string[];
  /** Pinyin terms of a field (full, initials, syllables), by field number. */
  pinyin: Record<number, string[]>;
  /** Years the document's date covers. */
  years: [number, number] | null;
  /** What filters, sorts and facets read. */
  facts: ItemFacts;
}

/** Postings of one query term, by document: summed weighted frequency and whether the title has it. */
export interface TermHits {
  docs: Uint32Array;
  tfs: Float32Array;
  title: Uint8Array;
}

interface Delta {
  han: Map<number, number[]>;
  latin: Map<string, number[]>;
}

const BM25_K1 = 1.2;
const BM25_B = 0.7;
/** Frequencies are stored doubled so the lightest field (text) still has integer weight. */
const TF_SCALE = 2;

interface Meta {
  format: 'wenshi-search';
  version: number;
  docs: number;
  overflow: boolean;
  sections: Section[];
}

/** The inverted index of many documents' text, with the stored folded text that verifies phrases. */
export class TextIndex {
  private segment: Segment = EMPTY_SEGMENT;
  private delta: Delta = { han: new Map(), latin: new Map() };
  /** Documents added since the last compaction, or removed from it: what a save must fold in. */
  private dirty = false;
  private charIds = new Map<number, number>();
  private chars: number[] = [0];
  private overflow = false;

  private ids: string[] = [];
  private versions: string[] = [];
  /** Folded text of each document, fields joined by FIELD_SEP; same length as the original. */
  private texts: string[] = [];
  private pinyins: string[] = [];
  private yearFrom: number[] = [];
  private yearTo: number[] = [];
  private lengths: number[] = [];
  private live: number[] = [];
  private liveCount = 0;
  /**
   * Bumped by every change to the documents or their numbering: what was worked out from them
   * (a list's order) holds while it stays the same.
   */
  generation = 0;
  private totalLength = 0;
  /** Document number of each live id; built on first use, since a load may not need it. */
  private docMap: Map<string, number> | null = new Map();
  /** Kind, status, dates, facet values and sort strings of each document. */
  readonly facts = new FactTable((doc) => this.ids[doc]!);

  private readonly collector = new TermCollector((code) => this.idFor(code));
  private readonly arena = new QueryArena();
  private scratchTf = new Float32Array(0);
  private scratchTitle = new Uint8Array(0);

  constructor(private readonly weights: readonly number[]) {}

  private get docOf(): Map<string, number> {
    if (!this.docMap) {
      this.docMap = new Map();
      for (let doc = 0; doc < this.ids.length; doc++)
        if (this.live[doc] === 1) this.docMap.set(this.ids[doc]!, doc);
    }
    return this.docMap;
  }

  get size(): number {
    return this.liveCount;
  }

  get docCount(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  versionOf(id: string): string | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.versions[doc];
  }

  liveIds(): string[] {
    return [...this.docOf.keys()];
  }

  isLive(doc: number): boolean {
    return this.live[doc] === 1;
  }

  idOf(doc: number): string {
    return this.ids[doc]!;
  }

  docNumber(id: string): number | undefined {
    return this.docOf.get(id);
  }

  /** The folded text of one field of a document (same offsets as the original). */
  fieldText(doc: number, field: number): string {
    return this.texts[doc]!.split(FIELD_SEP)[field] ?? '';
  }

  text(doc: number): string {
    return this.texts[doc]!;
  }

  pinyinOf(doc: number, field: number): string {
    return this.pinyins[doc]!.split(FIELD_SEP)[field] ?? '';
  }

  years(doc: number): [number, number] | null {
    const from = this.yearFrom[doc]!;
    return from ? [from, this.yearTo[doc]!] : null;
  }

  get hasOverflow(): boolean {
    return this.overflow;
  }

  /** The id of a character, if any document has it. */
  charId(ch: string): number | undefined {
    return this.charIds.get(ch.codePointAt(0)!) ?? (this.overflow ? OVERFLOW_CHAR : undefined);
  }

  private idFor(code: number): number {
    let id = this.charIds.get(code);
    if (id === undefined) {
      if (this.chars.length >= OVERFLOW_CHAR) {
        this.overflow = true;
        return OVERFLOW_CHAR;
      }
      id = this.chars.length;
      this.chars.push(code);
      this.charIds.set(code, id);
    }
    return id;
  }

  /**
   * Adds a document. With a builder (a full build) its postings go there; otherwise into the
   * mutable delta, so the document is searchable at once.
   */
  add(input: DocInput, builder?: SegmentBuilder): void {
    if (this.docOf.has(input.id)) this.remove(input.id);
    const doc = this.ids.length;
    const collector = this.collector;
    collector.start();
    const folded: string[] = [];
    let length = 0;
    input.fields.forEach((original, field) => {
      const text = foldText(original);
      folded.push(text);
      length += (this.weights[field] ?? 1) * text.length;
      collector.field = field;
      scanTerms(text, collector);
      collector.endRun();
      for (const term of input.pinyin[field] ?? []) collector.word(PINYIN_MARK + term);
    });
    collector.finish(
      this.weights,
      (key, tf) => {
        if (builder) builder.addHan(key, doc, tf);
        else push(this.delta.han, key, doc, tf);
      },
      (term, tf) => {
        if (builder) builder.addLatin(term, doc, tf);
        else push(this.delta.latin, term, doc, tf);
      },
    );
    if (!builder) this.dirty = true;
    this.ids.push(input.id);
    this.versions.push(input.version);
    this.texts.push(folded.join(FIELD_SEP));
    this.pinyins.push(input.fields.map((_, f) => (input.pinyin[f] ?? []).join(' ')).join(FIELD_SEP));
    this.yearFrom.push(input.years?.[0] ?? 0);
    this.yearTo.push(input.years?.[1] ?? 0);
    this.lengths.push(length / TF_SCALE);
    this.live.push(1);
    this.liveCount++;
    this.totalLength += length / TF_SCALE;
    this.docOf.set(input.id, doc);
    this.facts.push(input.facts);
    this.generation++;
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.facts.removed(doc);
    this.live[doc] = 0;
    this.liveCount--;
    this.totalLength -= this.lengths[doc]!;
    this.dirty = true;
    this.generation++;
  }

  /** Adds many documents at once into a fresh segment; `onBatch` is called between batches. */
  async build(
    inputs: Iterable<DocInput> | AsyncIterable<DocInput>,
    total: number,
    onBatch: (done: number) => Promise<void>,
  ): Promise<void> {
    this.clear();
    const builder = new SegmentBuilder(Math.max(1 << 16, total * 64));
    let done = 0;
    for await (const input of inputs) {
      this.add(input, builder);
      if (++done % 2000 === 0) await onBatch(done);
    }
    this.segment = builder.finish();
    this.dirty = false;
  }

  private clear(): void {
    this.generation++;
    this.segment = EMPTY_SEGMENT;
    this.delta = { han: new Map(), latin: new Map() };
    this.charIds = new Map();
    this.chars = [0];
    this.overflow = false;
    this.ids = [];
    this.versions = [];
    this.texts = [];
    this.pinyins = [];
    this.yearFrom = [];
    this.yearTo = [];
    this.lengths = [];
    this.live = [];
    this.liveCount = 0;
    this.totalLength = 0;
    this.docMap = new Map();
    this.facts.clear();
  }

  // ——— Reading postings ———

  /**
   * Starts a query: the postings and scores handed out since the last call may be overwritten
   * from now on, so call it before each query and let no result outlive the query.
   */
  beginQuery(): void {
    this.arena.reset();
  }

  private ensureScratch(): void {
    if (this.scratchTf.length < this.ids.length) {
      this.scratchTf = new Float32Array(this.ids.length + 1024);
      this.scratchTitle = new Uint8Array(this.ids.length + 1024);
    }
  }

  /**
   * Postings of a range of base rows and some delta lists, merged by document. One list is
   * copied as it is; several are added up in a dense scratch array, which is cheaper than a k-way
   * merge when a 1-character query or a prefix touches thousands of terms. The rows of one
   * character are contiguous, so their postings are one stretch of the arrays: one tight loop.
   */
  private collect(ranges: [number, number][], lists: number[][]): TermHits {
    const { offsets, docs, tfs } = this.segment;
    const live = this.live;
    if (ranges.length + lists.length === 1 && (ranges.length === 0 || ranges[0]![1] - ranges[0]![0] === 1)) {
      const [ds, ts, from, to, step] = ranges.length
        ? [docs, tfs, offsets[ranges[0]![0]]!, offsets[ranges[0]![1]]!, 1]
        : [lists[0]!, lists[0]!, 0, lists[0]!.length, 2];
      let count = 0;
      for (let i = from; i < to; i += step) if (live[ds[i]!] === 1) count++;
      const out: TermHits = {
        docs: this.arena.u32(count),
        tfs: this.arena.f32(count),
        title: this.arena.u8(count),
      };
      let at = 0;
      for (let i = from; i < to; i += step) {
        const doc = ds[i]!;
        if (live[doc] !== 1) continue;
        const tf = ts[i + step - 1]!;
        out.docs[at] = doc;
        out.tfs[at] = tf & MAX_TF;
        out.title[at++] = tf & TITLE_BIT ? 1 : 0;
      }
      return out;
    }
    this.ensureScratch();
    const acc = this.scratchTf;
    const flag = this.scratchTitle;
    let touched = 0;
    for (const [firstRow, endRow] of ranges)
      for (let i = offsets[firstRow]!, end = offsets[endRow]!; i < end; i++) {
        const doc = docs[i]!;
        if (live[doc] !== 1) continue;
        const tf = tfs[i]!;
        if (flag[doc] === 0) touched++;
        acc[doc]! += tf & MAX_TF;
        flag[doc]! |= tf & TITLE_BIT ? 3 : 1;
      }
    for (const list of lists)
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        if (live[doc] !== 1) continue;
        const tf = list[i + 1]!;
        if (flag[doc] === 0) touched++;
        acc[doc]! += tf & MAX_TF;
        flag[doc]! |= tf & TITLE_BIT ? 3 : 1;
      }
    // The marks are read back in document order by one pass over the scratch arrays.
    const outDocs = this.arena.u32(touched);
    const outTf = this.arena.f32(touched);
    const outTitle = this.arena.u8(touched);
    let at = 0;
    for (let doc = 0; at < touched; doc++) {
      if (flag[doc] === 0) continue;
      outDocs[at] = doc;
      outTf[at] = acc[doc]!;
      outTitle[at++] = flag[doc]! >> 1;
      acc[doc] = 0;
      flag[doc] = 0;
    }
    return { docs: outDocs, tfs: outTf, title: outTitle };
  }

  /** Every document with the character (as a bigram's first character or at a run's end). */
  hanChar(id: number): TermHits {
    const { hanKeys } = this.segment;
    const from = id * 65536;
    const to = from + 65536;
    const first = lowerBound(hanKeys, from);
    const end = lowerBound(hanKeys, to);
    const lists: number[][] = [];
    for (const [key, list] of this.delta.han) if (key >= from && key < to) lists.push(list);
    return this.collect(end > first ? [[first, end]] : [], lists);
  }

  /** Every document with the two characters side by side. */
  hanPair(id1: number, id2: number): TermHits {
    const key = id1 * 65536 + id2;
    const { hanKeys } = this.segment;
    const r = lowerBound(hanKeys, key);
    const rows: [number, number][] = r < hanKeys.length && hanKeys[r] === key ? [[r, r + 1]] : [];
    const list = this.delta.han.get(key);
    return this.collect(rows, list ? [list] : []);
  }

  /** Latin words starting with a prefix (and pinyin ones too with `withPinyin`), plus exact extras. */
  latinTerms(prefix: string, extra: string[], withPinyin: boolean): TermHits {
    const { hanKeys, latinKeys } = this.segment;
    const starts = withPinyin ? [prefix, PINYIN_MARK + prefix] : [prefix];
    const rows = new Set<number>();
    const lists = new Set<number[]>();
    for (const start of starts) {
      for (let i = lowerBoundString(latinKeys, start); i < latinKeys.length; i++) {
        if (!latinKeys[i]!.startsWith(start)) break;
        rows.add(hanKeys.length + i);
      }
      for (const [term, list] of this.delta.latin) if (term.startsWith(start)) lists.add(list);
    }
    for (const term of extra) {
      const i = lowerBoundString(latinKeys, term);
      if (latinKeys[i] === term) rows.add(hanKeys.length + i);
      const list = this.delta.latin.get(term);
      if (list) lists.add(list);
    }
    return this.collect(
      [...rows].map((row) => [row, row + 1]),
      [...lists],
    );
  }

  /** Latin words (not pinyin) within `maxEdits` of a word: for typos in 5+ letter words. */
  fuzzyWords(word: string, maxEdits: number): string[] {
    const out = new Set<string>();
    const consider = (term: string) => {
      if (term.startsWith(PINYIN_MARK) || term === word) return;
      if (Math.abs(term.length - word.length) > maxEdits) return;
      if (editDistance(word, term, maxEdits) <= maxEdits) out.add(term);
    };
    for (const term of this.segment.latinKeys) consider(term);
    for (const term of this.delta.latin.keys()) consider(term);
    return [...out];
  }

  /** BM25 of a term's postings, frequencies already weighted by field. */
  bm25(hits: TermHits): Float32Array {
    const n = Math.max(1, this.liveCount);
    const df = hits.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const avg = this.totalLength / n || 1;
    const scores = this.arena.f32(df);
    for (let i = 0; i < df; i++) {
      const tf = hits.tfs[i]! / TF_SCALE;
      const norm = 1 - BM25_B + (BM25_B * this.lengths[hits.docs[i]!]!) / avg;
      scores[i] = (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
    }
    return scores;
  }

  /** Live documents whose date overlaps the years. */
  docsInYears(from: number, to: number): number[] {
    const out: number[] = [];
    for (let doc = 0; doc < this.ids.length; doc++)
      if (
        this.live[doc] === 1 &&
        this.yearFrom[doc]! &&
        this.yearFrom[doc]! <= to &&
        this.yearTo[doc]! >= from
      )
        out.push(doc);
    return out;
  }

  liveDocs(): number[] {
    const out: number[] = [];
    for (let doc = 0; doc < this.ids.length; doc++) if (this.live[doc] === 1) out.push(doc);
    return out;
  }

  // ——— Saving and loading ———

  /**
   * Folds the delta and the tombstones into one segment and renumbers documents densely.
   * Postings are copied, never re-tokenized.
   */
  private compact(): void {
    this.generation++;
    if (!this.dirty) return;
    const renumber = new Int32Array(this.ids.length).fill(-1);
    let next = 0;
    for (let doc = 0; doc < this.ids.length; doc++) if (this.live[doc] === 1) renumber[doc] = next++;
    const { hanKeys, latinKeys, offsets, docs, tfs } = this.segment;
    const builder = new SegmentBuilder(Math.max(1 << 16, docs.length));
    for (let r = 0; r < hanKeys.length; r++)
      for (let i = offsets[r]!; i < offsets[r + 1]!; i++) {
        const doc = renumber[docs[i]!]!;
        if (doc >= 0) builder.addHan(hanKeys[r]!, doc, tfs[i]!);
      }
    for (const [key, list] of this.delta.han)
      for (let i = 0; i < list.length; i += 2) {
        const doc = renumber[list[i]!]!;
        if (doc >= 0) builder.addHan(key, doc, list[i + 1]!);
      }
    latinKeys.forEach((term, j) => {
      const r = hanKeys.length + j;
      for (let i = offsets[r]!; i < offsets[r + 1]!; i++) {
        const doc = renumber[docs[i]!]!;
        if (doc >= 0) builder.addLatin(term, doc, tfs[i]!);
      }
    });
    for (const [term, list] of this.delta.latin)
      for (let i = 0; i < list.length; i += 2) {
        const doc = renumber[list[i]!]!;
        if (doc >= 0) builder.addLatin(term, doc, list[i + 1]!);
      }
    this.segment = builder.finish();
    this.delta = { han: new Map(), latin: new Map() };
    const keep = <T>(list: T[]) => list.filter((_, doc) => renumber[doc]! >= 0);
    this.ids = keep(this.ids);
    this.versions = keep(this.versions);
    this.texts = keep(this.texts);
    this.pinyins = keep(this.pinyins);
    this.yearFrom = keep(this.yearFrom);
    this.yearTo = keep(this.yearTo);
    this.lengths = keep(this.lengths);
    this.facts.keep(renumber);
    this.live = this.ids.map(() => 1);
    this.docMap = null;
    this.dirty = false;
  }

  /**
   * Writes the index into a folder: every array as raw bytes in index.bin, and meta.json (the
   * table of its sections) last. Loading is then reading one file and making views on it.
   */
  async save(dir: string): Promise<void> {
    this.compact();
    await mkdir(dir, { recursive: true });
    const { hanKeys, latinKeys, offsets, docs, tfs } = this.segment;
    const file = new SectionWriter();
    file.add('hanKeys', hanKeys);
    file.add('offsets', offsets);
    file.add('docs', docs);
    file.add('tfs', tfs);
    file.addStrings('latinKeys', latinKeys);
    file.addStrings('ids', this.ids);
    file.addStrings('versions', this.versions);
    file.addStrings('pinyins', this.pinyins);
    file.addStrings('texts', this.texts);
    file.add('yearFrom', Int32Array.from(this.yearFrom));
    file.add('yearTo', Int32Array.from(this.yearTo));
    file.add('lengths', Float64Array.from(this.lengths));
    file.add('chars', Uint32Array.from(this.chars));
    this.facts.write(file);
    const meta: Meta = {
      format: 'wenshi-search',
      version: INDEX_FORMAT_VERSION,
      docs: this.ids.length,
      overflow: this.overflow,
      sections: file.sections,
    };
    // meta.json goes first out and last in: a crash mid-save leaves no meta, hence a rebuild.
    await rm(path.join(dir, 'meta.json'), { force: true });
    await writeFileDurably(path.join(dir, INDEX_FILE), file.bytes());
    await writeFileDurably(path.join(dir, 'meta.json'), JSON.stringify(meta));
    // Files of the first format, which this one replaces.
    for (const old of ['docs.json', 'postings.bin', 'texts.bin'])
      await rm(path.join(dir, old), { force: true });
  }

  /** Loads a saved index; false if there is none, or it is of another format version. */
  async load(dir: string): Promise<boolean> {
    this.generation++;
    let meta: Meta;
    try {
      meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta;
    } catch {
      return false;
    }
    if (meta.format !== 'wenshi-search' || meta.version !== INDEX_FORMAT_VERSION) return false;
    const file = await SectionReader.open(path.join(dir, INDEX_FILE), meta.sections);
    try {
      return this.read(file, meta);
    } finally {
      await file.close();
    }
  }

  private read(file: SectionReader, meta: Meta): boolean {
    if (!file.complete) return false;
    const ids = file.strings('ids');
    if (ids.length !== meta.docs) return false;
    this.clear();
    if (!this.facts.read(file, ids.length)) return false;
    this.segment = {
      hanKeys: file.view('hanKeys', Uint32Array),
      latinKeys: file.strings('latinKeys'),
      offsets: file.view('offsets', Uint32Array),
      docs: file.view('docs', Uint32Array),
      tfs: file.view('tfs', Uint8Array),
    };
    this.ids = ids;
    this.versions = file.strings('versions');
    this.pinyins = file.strings('pinyins');
    this.texts = file.strings('texts');
    this.yearFrom = Array.from(file.view('yearFrom', Int32Array));
    this.yearTo = Array.from(file.view('yearTo', Int32Array));
    this.lengths = Array.from(file.view('lengths', Float64Array));
    this.chars = Array.from(file.view('chars', Uint32Array));
    this.chars.forEach((code, id) => id && this.charIds.set(code, id));
    this.overflow = meta.overflow;
    this.live = new Array<number>(ids.length).fill(1);
    this.liveCount = ids.length;
    this.totalLength = this.lengths.reduce((a, b) => a + b, 0);
    this.docMap = null;
    this.dirty = false;
    return true;
  }
}

const INDEX_FILE = 'index.bin';

/**
 * Gathers one document's terms with their fields, then adds up frequencies per term. Han terms
 * are packed as `key * 8 + field` into a reused array and sorted: no map and no garbage per
 * document, which is most of the cost of building a large index.
 */
class TermCollector implements TermSink {
  field = 0;
  private packed = new Float64Array(4096);
  private count = 0;
  private prev = 0;
  private readonly words: [string, number][] = [];

  constructor(private readonly idFor: (code: number) => number) {}

  start(): void {
    this.count = 0;
    this.prev = 0;
    this.words.length = 0;
  }

  private put(key: number): void {
    if (this.count === this.packed.length) {
      const bigger = new Float64Array(this.packed.length * 2);
      bigger.set(this.packed);
      this.packed = bigger;
    }
    this.packed[this.count++] = key * 8 + this.field;
  }

  han(code: number, runStart: boolean): void {
    const id = this.idFor(code);
    if (this.prev) this.put(runStart ? this.prev * 65536 : this.prev * 65536 + id);
    this.prev = id;
  }

  endRun(): void {
    if (this.prev) this.put(this.prev * 65536);
    this.prev = 0;
  }

  word(word: string): void {
    this.endRun();
    this.words.push([word, this.field]);
  }

  finish(
    weights: readonly number[],
    han: (key: number, tf: number) => void,
    latin: (term: string, tf: number) => void,
  ): void {
    const sorted = this.packed.subarray(0, this.count).sort();
    let i = 0;
    while (i < sorted.length) {
      const key = Math.floor(sorted[i]! / 8);
      let tf = 0;
      let title = 0;
      for (; i < sorted.length && Math.floor(sorted[i]! / 8) === key; i++) {
        const field = sorted[i]! % 8;
        tf += weights[field] ?? 1;
        if (field === 0) title = TITLE_BIT;
      }
      han(key, Math.min(tf, MAX_TF) | title);
    }
    const words = new Map<string, number>();
    for (const [word, field] of this.words)
      words.set(word, ((words.get(word) ?? 0) + (weights[field] ?? 1)) | (field === 0 ? 1 << 24 : 0));
    for (const [word, v] of words)
      latin(word, Math.min(v & 0xffffff, MAX_TF) | (v & (1 << 24) ? TITLE_BIT : 0));
  }
}

function push<K>(map: Map<K, number[]>, key: K, doc: number, tf: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(doc, tf);
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}
