import { createHash } from 'node:crypto';
import { foldText } from '../text';

/**
 * How texts are compared for duplicates: by their letters and digits alone, after NFKC (full-width
 * and compatibility forms), traditional → simplified and lower case, so the same text in another
 * encoding, script, punctuation or layout reads the same.
 */
export function comparableText(text: string): string {
  return foldText(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');
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

/** The distinct shingles of a comparable text, hashed to 32 bits, sorted. */
export function shingles(comparable: string): Uint32Array {
  const count = Math.max(0, comparable.length - SHINGLE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ comparable.charCodeAt(i + j), 16777619);
    out[i] = mix(h);
  }
  out.sort();
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

// Fixed multipliers (odd) and offsets, so signatures made at different times compare.
const MULTIPLIERS = new Int32Array(HASHES);
const OFFSETS = new Int32Array(HASHES);
for (let i = 0, seed = 0x9e3779b9; i < HASHES; i++) {
  seed = mix(seed + 0x6d2b79f5);
  MULTIPLIERS[i] = seed | 1;
  seed = mix(seed + 0x6d2b79f5);
  OFFSETS[i] = seed;
}

/** One key per band of the text's MinHash signature: texts that share a key are compared. */
export function bandKeys(set: Uint32Array): number[] {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set)
    for (let i = 0; i < HASHES; i++) {
      const v = (Math.imul(MULTIPLIERS[i]!, x) + OFFSETS[i]!) >>> 0;
      if (v < signature[i]!) signature[i] = v;
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
