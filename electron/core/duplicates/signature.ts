import { createHash } from 'node:crypto';
import { foldText } from '../text';

/**
 * How texts are compared for duplicates: by their letters and digits alone, after NFKC (full-width
 * and compatibility forms), traditional → simplified and lower case, so the same text in another
 * encoding, script, punctuation or layout reads the same.
 */
export function comparableText(text: string): string {
  const folded = foldText(text.normalize('NFKC'));
  const units = new Uint16Array(folded.length);
  let length = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (isLetterOrDigit(code)) units[length++] = code;
  }
  return Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
}

// Whether each code unit is a letter or digit, worked out once (0 = not yet known, 1 = yes, 2 = no):
// a Unicode-property regular expression over millions of characters costs seconds.
const letterOrDigit = new Uint8Array(0x10000);

function isLetterOrDigit(code: number): boolean {
  let known = letterOrDigit[code]!;
  if (known === 0) {
    // Surrogates: characters beyond the BMP (rare Han) are kept whole.
    const keep = (code >= 0xd800 && code <= 0xdfff) || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    letterOrDigit[code] = known = keep ? 1 : 2;
  }
  return known === 1;
}

/** Texts shorter than this (comparable characters) are never called duplicates: 「无」 is not a text. */
export const MIN_CHARS = 20;
/** Shingles are runs of this many characters. */
const SHINGLE = 5;
/** MinHash: BANDS × ROWS values. A pair at similarity 0.9 shares a band with a chance above 99.7%, at 0.5 with about 12%. */
export const BANDS = 8;
const ROWS = 6;
const HASHES = BANDS * ROWS;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The shingles of a comparable text, hashed to 32 bits, in text order (repeats included). */
export function shingleHashes(comparable: string): Uint32Array {
  const count = Math.max(0, comparable.length - SHINGLE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ comparable.charCodeAt(i + j), 16777619);
    out[i] = mix(h);
  }
  return out;
}

/** The distinct shingles of a comparable text, hashed to 32 bits, sorted (for jaccard). */
export function shingles(comparable: string): Uint32Array {
  const out = shingleHashes(comparable).sort();
  const count = out.length;
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}

/** Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const EMPTY = 0xffffffff;

/**
 * One key per band of the text's MinHash signature: texts that share a key are compared. The
 * signature is made by one-permutation hashing (each shingle goes to one of the HASHES bins by its
 * hash, each bin keeps its least), with empty bins filled from the next full one (densification):
 * one pass over the shingles, where a hash function per value would cost HASHES passes.
 */
export function bandKeys(hashes: Uint32Array): number[] {
  const signature = new Uint32Array(HASHES).fill(EMPTY);
  for (const x of hashes) {
    const bin = ((x >>> 16) * HASHES) >>> 16;
    const value = Math.imul(x, 0x9e3779b1) >>> 0;
    if (value < signature[bin]!) signature[bin] = value;
  }
  const full = signature.map((value) => (value === EMPTY ? 0 : 1));
  if (full.includes(1))
    for (let bin = 0; bin < HASHES; bin++) {
      if (full[bin]) continue;
      let distance = 1;
      while (!full[(bin + distance) % HASHES]) distance++;
      signature[bin] = mix(signature[(bin + distance) % HASHES]! + distance);
    }
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix(band + 1);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[band * ROWS + r]!);
    keys.push(h);
  }
  return keys;
}

/** A digest of the comparable text: equal digests, the same text. */
export function textDigest(comparable: string): string {
  return createHash('sha256').update(comparable).digest('base64');
}
