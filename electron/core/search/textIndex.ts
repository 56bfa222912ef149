import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { foldText } from '../text';
import { writeFileDurably } from '../storage';
import {
  EMPTY_SEGMENT,
  MAX_TF,
  OVERFLOW_CHAR,
  SegmentBuilder,
  TITLE_BIT,
  lowerBound,
  lowerBoundString,
  type Segment,
} from './postings';
import { FIELD_SEP, scanTerms, type TermSink } from './tokenize';

/** Bump when the files in index/ change shape: an older index is then rebuilt, not misread. */
export const INDEX_FORMAT_VERSION = 1;

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
  hanRows: number;
  postings: number;
  overflow: boolean;
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
  private totalLength = 0;
  private readonly docOf = new Map<string, number>();

  private readonly collector = new TermCollector((code) => this.idFor(code));
  private scratchTf = new Float32Array(0);
  private scratchTitle = new Uint8Array(0);

  constructor(private readonly weights: readonly number[]) {}

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
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.live[doc] = 0;
    this.liveCount--;
    this.totalLength -= this.lengths[doc]!;
    this.dirty = true;
  }

  /** Adds many documents at once into a fresh segment; `onBatch` is called between batches. */
  async build(
    inputs: Iterable<DocInput>,
    total: number,
    onBatch: (done: number) => Promise<void>,
  ): Promise<void> {
    this.clear();
    const builder = new SegmentBuilder(Math.max(1 << 16, total * 64));
    let done = 0;
    for (const input of inputs) {
      this.add(input, builder);
      if (++done % 2000 === 0) await onBatch(done);
    }
    this.segment = builder.finish();
    this.dirty = false;
  }

  private clear(): void {
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
    this.docOf.clear();
  }

  // ——— Reading postings ———

  private ensureScratch(): void {
    if (this.scratchTf.length < this.ids.length) {
      this.scratchTf = new Float32Array(this.ids.length + 1024);
      this.scratchTitle = new Uint8Array(this.ids.length + 1024);
    }
  }

  /**
   * Postings of several base rows and delta lists, merged by document. One list is copied as it
   * is; several are added up in a dense scratch array, which is cheaper than a k-way merge when a
   * 1-character query or a prefix touches thousands of terms.
   */
  private collect(rows: number[], lists: number[][]): TermHits {
    const { offsets, docs, tfs } = this.segment;
    if (rows.length + lists.length === 1) {
      const out: number[] = [];
      const outTf: number[] = [];
      const outTitle: number[] = [];
      const take = (doc: number, tf: number) => {
        if (this.live[doc] !== 1) return;
        out.push(doc);
        outTf.push(tf & MAX_TF);
        outTitle.push(tf & TITLE_BIT ? 1 : 0);
      };
      if (rows.length)
        for (let i = offsets[rows[0]!]!; i < offsets[rows[0]! + 1]!; i++) take(docs[i]!, tfs[i]!);
      else for (let i = 0; i < lists[0]!.length; i += 2) take(lists[0]![i]!, lists[0]![i + 1]!);
      return { docs: Uint32Array.from(out), tfs: Float32Array.from(outTf), title: Uint8Array.from(outTitle) };
    }
    this.ensureScratch();
    const acc = this.scratchTf;
    const flag = this.scratchTitle;
    const live = this.live;
    let touched = 0;
    const accumulate = (
      from: number,
      to: number,
      ds: ArrayLike<number>,
      ts: ArrayLike<number>,
      step: number,
    ) => {
      for (let i = from; i < to; i += step) {
        const doc = ds[i]!;
        if (live[doc] !== 1) continue;
        const tf = ts[i + step - 1]!;
        if (flag[doc] === 0) touched++;
        acc[doc]! += tf & MAX_TF;
        flag[doc]! |= tf & TITLE_BIT ? 3 : 1;
      }
    };
    for (const row of rows) accumulate(offsets[row]!, offsets[row + 1]!, docs, tfs, 1);
    for (const list of lists) accumulate(0, list.length, list, list, 2);
    // The marks are read back in document order by one pass over the scratch arrays.
    const outDocs = new Uint32Array(touched);
    const outTf = new Float32Array(touched);
    const outTitle = new Uint8Array(touched);
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
    const rows: number[] = [];
    for (let r = lowerBound(hanKeys, from); r < hanKeys.length && hanKeys[r]! < to; r++) rows.push(r);
    const lists: number[][] = [];
    for (const [key, list] of this.delta.han) if (key >= from && key < to) lists.push(list);
    return this.collect(rows, lists);
  }

  /** Every document with the two characters side by side. */
  hanPair(id1: number, id2: number): TermHits {
    const key = id1 * 65536 + id2;
    const { hanKeys } = this.segment;
    const r = lowerBound(hanKeys, key);
    const rows = r < hanKeys.length && hanKeys[r] === key ? [r] : [];
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
    return this.collect([...rows], [...lists]);
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
    const scores = new Float32Array(df);
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
    this.live = this.ids.map(() => 1);
    this.docOf.clear();
    this.ids.forEach((id, doc) => this.docOf.set(id, doc));
    this.dirty = false;
  }

  /** Writes the index into a folder: raw postings, stored texts, and meta.json last. */
  async save(dir: string): Promise<void> {
    this.compact();
    await mkdir(dir, { recursive: true });
    const { hanKeys, latinKeys, offsets, docs, tfs } = this.segment;
    const postings = Buffer.concat([bytes(hanKeys), bytes(offsets), bytes(docs), bytes(tfs)]);
    const textLengths = this.texts.map((t) => t.length);
    const docInfo = {
      ids: this.ids,
      versions: this.versions,
      pinyins: this.pinyins,
      yearFrom: this.yearFrom,
      yearTo: this.yearTo,
      lengths: this.lengths,
      textLengths,
      latinKeys,
      chars: this.chars,
    };
    const meta: Meta = {
      format: 'wenshi-search',
      version: INDEX_FORMAT_VERSION,
      docs: this.ids.length,
      hanRows: hanKeys.length,
      postings: docs.length,
      overflow: this.overflow,
    };
    // meta.json goes first out and last in: a crash mid-save leaves no meta, hence a rebuild.
    await rm(path.join(dir, 'meta.json'), { force: true });
    await writeFileDurably(path.join(dir, 'postings.bin'), postings);
    await writeFileDurably(path.join(dir, 'texts.bin'), Buffer.from(this.texts.join(''), 'utf16le'));
    await writeFileDurably(path.join(dir, 'docs.json'), JSON.stringify(docInfo));
    await writeFileDurably(path.join(dir, 'meta.json'), JSON.stringify(meta));
  }

  /** Loads a saved index; false if there is none, or it is of another format version. */
  async load(dir: string): Promise<boolean> {
    let meta: Meta;
    try {
      meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta;
    } catch {
      return false;
    }
    if (meta.format !== 'wenshi-search' || meta.version !== INDEX_FORMAT_VERSION) return false;
    const [postingsBuf, textsBuf, docsText] = await Promise.all([
      readFile(path.join(dir, 'postings.bin')),
      readFile(path.join(dir, 'texts.bin')),
      readFile(path.join(dir, 'docs.json'), 'utf8'),
    ]);
    const info = JSON.parse(docsText) as {
      ids: string[];
      versions: string[];
      pinyins: string[];
      yearFrom: number[];
      yearTo: number[];
      lengths: number[];
      textLengths: number[];
      latinKeys: string[];
      chars: number[];
    };
    const rows = meta.hanRows + info.latinKeys.length;
    const expected = 4 * meta.hanRows + 4 * (rows + 1) + 5 * meta.postings;
    if (postingsBuf.length !== expected || info.ids.length !== meta.docs) return false;
    // A fresh buffer: 4-byte aligned, so the arrays are views, not copies.
    const buffer = postingsBuf.byteOffset % 4 === 0 ? postingsBuf : Buffer.from(postingsBuf);
    let at = buffer.byteOffset;
    const u32 = (count: number) => {
      const view = new Uint32Array(buffer.buffer, at, count);
      at += count * 4;
      return view;
    };
    this.clear();
    const hanKeys = u32(meta.hanRows);
    const offsets = u32(rows + 1);
    const docs = u32(meta.postings);
    const tfs = new Uint8Array(buffer.buffer, at, meta.postings);
    this.segment = { hanKeys, latinKeys: info.latinKeys, offsets, docs, tfs };
    const allText = textsBuf.toString('utf16le');
    let pos = 0;
    this.texts = info.textLengths.map((length) => allText.slice(pos, (pos += length)));
    this.ids = info.ids;
    this.versions = info.versions;
    this.pinyins = info.pinyins;
    this.yearFrom = info.yearFrom;
    this.yearTo = info.yearTo;
    this.lengths = info.lengths;
    this.chars = info.chars;
    this.chars.forEach((code, id) => id && this.charIds.set(code, id));
    this.overflow = meta.overflow;
    this.live = this.ids.map(() => 1);
    this.liveCount = this.ids.length;
    this.totalLength = this.lengths.reduce((a, b) => a + b, 0);
    this.ids.forEach((id, doc) => this.docOf.set(id, doc));
    this.dirty = false;
    return true;
  }
}

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

function bytes(array: Uint32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
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
