/**
 * Compact postings, after MiniSearch's design (term → documents with term frequencies, BM25),
 * stored so that hundreds of thousands of Chinese texts fit and load fast:
 *
 * - A Han term is a number, not a string: the two characters' ids in a table of the characters
 *   seen (`id1 << 16 | id2`), or `id << 16` for a character that ends a run. Every term of a
 *   character is then one contiguous range of sorted keys, so a 1-character query reads a range
 *   instead of walking a radix tree whose root has thousands of children.
 * - Term frequencies are added up per document before they reach the index (one posting per
 *   term and document), weighted by field, and the title bit rides along in the same byte.
 * - A segment keeps all postings in four typed arrays (CSR): sorted keys, row offsets, document
 *   numbers, weighted frequencies. It is built once by a stable radix sort, saved as raw bytes and
 *   loaded without parsing. Changes go to a small mutable segment and tombstones until the next
 *   compaction.
 */

/** Set in a posting's byte when the term occurs in the title. */
export const TITLE_BIT = 0x80;
export const MAX_TF = 0x7f;
/** Character ids are 16-bit; past that, characters share the last id and every match is verified. */
export const OVERFLOW_CHAR = 0xffff;

export interface Segment {
  /** Sorted Han term keys; row i of the CSR arrays. */
  hanKeys: Uint32Array;
  /** Sorted Latin terms; row hanKeys.length + i. */
  latinKeys: string[];
  /** Row r's postings are docs[offsets[r] .. offsets[r + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint8Array;
}

export const EMPTY_SEGMENT: Segment = {
  hanKeys: new Uint32Array(0),
  latinKeys: [],
  offsets: new Uint32Array(1),
  docs: new Uint32Array(0),
  tfs: new Uint8Array(0),
};

/** First index in a sorted array whose value is ≥ value. */
export function lowerBound(keys: Uint32Array, value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function lowerBoundString(keys: string[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Collects postings in document order and turns them into a segment. Han postings go into
 * flat typed arrays (three per posting: key, document, frequency) sorted at the end.
 */
export class SegmentBuilder {
  private keys: Uint32Array;
  private docs: Uint32Array;
  private tfs: Uint8Array;
  private count = 0;
  private readonly latin = new Map<string, number[]>();

  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.docs = new Uint32Array(capacity);
    this.tfs = new Uint8Array(capacity);
  }

  addHan(key: number, doc: number, tf: number): void {
    if (this.count === this.keys.length) this.grow();
    this.keys[this.count] = key;
    this.docs[this.count] = doc;
    this.tfs[this.count] = tf;
    this.count++;
  }

  addLatin(term: string, doc: number, tf: number): void {
    let list = this.latin.get(term);
    if (!list) this.latin.set(term, (list = []));
    list.push(doc, tf);
  }

  private grow(): void {
    const size = Math.ceil(this.keys.length * 1.5);
    const keys = new Uint32Array(size);
    keys.set(this.keys);
    const docs = new Uint32Array(size);
    docs.set(this.docs);
    const tfs = new Uint8Array(size);
    tfs.set(this.tfs);
    this.keys = keys;
    this.docs = docs;
    this.tfs = tfs;
  }

  finish(): Segment {
    const n = this.count;
    // Stable LSD radix sort on the 32-bit key, 16 bits a pass: postings of one key stay in
    // document order, which every reader relies on.
    let keys = this.keys;
    let docs = this.docs;
    let tfs = this.tfs;
    let keysOut: Uint32Array = new Uint32Array(n);
    let docsOut: Uint32Array = new Uint32Array(n);
    let tfsOut: Uint8Array = new Uint8Array(n);
    const counts = new Uint32Array(65537);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
      for (let b = 1; b <= 65536; b++) counts[b]! += counts[b - 1]!;
      for (let i = 0; i < n; i++) {
        const at = counts[(keys[i]! >>> shift) & 0xffff]!++;
        keysOut[at] = keys[i]!;
        docsOut[at] = docs[i]!;
        tfsOut[at] = tfs[i]!;
      }
      [keys, keysOut] = [keysOut, keys];
      [docs, docsOut] = [docsOut, docs];
      [tfs, tfsOut] = [tfsOut, tfs];
    }
    this.keys = this.docs = new Uint32Array(0);
    this.tfs = new Uint8Array(0);

    let hanRows = 0;
    for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) hanRows++;
    const latinKeys = [...this.latin.keys()].sort();
    let latinPostings = 0;
    for (const list of this.latin.values()) latinPostings += list.length / 2;

    const total = n + latinPostings;
    const hanKeys = new Uint32Array(hanRows);
    const offsets = new Uint32Array(hanRows + latinKeys.length + 1);
    const outDocs = new Uint32Array(total);
    const outTfs = new Uint8Array(total);
    outDocs.set(docs.subarray(0, n));
    outTfs.set(tfs.subarray(0, n));
    let row = 0;
    for (let i = 0; i < n; i++) {
      if (i === 0 || keys[i] !== keys[i - 1]) {
        hanKeys[row] = keys[i]!;
        offsets[row++] = i;
      }
    }
    let at = n;
    for (const term of latinKeys) {
      offsets[row++] = at;
      const list = this.latin.get(term)!;
      for (let i = 0; i < list.length; i += 2) {
        outDocs[at] = list[i]!;
        outTfs[at++] = list[i + 1]!;
      }
    }
    offsets[row] = at;
    this.latin.clear();
    return { hanKeys, latinKeys, offsets, docs: outDocs, tfs: outTfs };
  }
}

/**
 * Typed arrays for one query's intermediate results, cut from one reused buffer. Large typed
 * arrays live outside V8's heap, and allocating a few megabytes of them on every keystroke
 * triggers "external memory pressure" collections that pause queries for several milliseconds.
 * Views are valid until the next `reset()`; their contents are not cleared.
 */
export class QueryArena {
  private buffer = new ArrayBuffer(1 << 20);
  private used = 0;

  reset(): void {
    this.used = 0;
  }

  private take(bytes: number): number {
    const at = (this.used + 7) & ~7;
    if (at + bytes > this.buffer.byteLength) {
      // Views already handed out keep the old buffer alive until the query ends.
      this.buffer = new ArrayBuffer(Math.max(bytes, this.buffer.byteLength * 2));
      this.used = bytes;
      return 0;
    }
    this.used = at + bytes;
    return at;
  }

  // `take` first, then `this.buffer`: taking may replace the buffer, and a view of the old one
  // at the offset meant for the new would overlap arrays already handed out (a search matching
  // some 100,000 items mixed its scores into its document numbers).
  u32(length: number): Uint32Array {
    const at = this.take(length * 4);
    return new Uint32Array(this.buffer, at, length);
  }

  f32(length: number): Float32Array {
    const at = this.take(length * 4);
    return new Float32Array(this.buffer, at, length);
  }

  u8(length: number): Uint8Array {
    const at = this.take(length);
    return new Uint8Array(this.buffer, at, length);
  }
}
