import type { Catalog } from '../catalog';
import {
  MIN_CHARS,
  bandKeys,
  comparableText,
  jaccard,
  shingleHashes,
  shingles,
  textDigest,
} from './signature';

/** Texts at least this similar (Jaccard of their 5-character shingles) are reported. */
export const NEAR_SIMILARITY = 0.9;
/** Candidates checked for one text at most: a bucket that huge is boilerplate, not a duplicate. */
const MAX_CANDIDATES = 200;

export interface DuplicateMatch {
  id: string;
  /** Jaccard similarity of the two texts' shingles, 1 for the same comparable text. */
  similarity: number;
  /** The same text once encoding, script, width, punctuation and layout are set aside. */
  exact: boolean;
}

interface Entry {
  digest: string;
  keys: number[];
}

/**
 * The library's texts, found by content: a digest of each comparable text for the same text, and
 * MinHash bands (locality-sensitive hashing) for nearly the same one, so a new text is compared
 * with the few that share a band, never with the whole library.
 */
export class DuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byDigest = new Map<string, Set<string>>();
  /** Ids by band key: most keys belong to one text, kept as the bare id (an array each would double the memory). */
  private readonly buckets = new Map<number, string | string[]>();

  constructor(private readonly textOf: (id: string) => string | undefined) {}

  add(id: string, text: string): void {
    this.remove(id);
    const comparable = comparableText(text);
    if (comparable.length < MIN_CHARS) return;
    const entry = { digest: textDigest(comparable), keys: bandKeys(shingleHashes(comparable)) };
    this.entries.set(id, entry);
    let same = this.byDigest.get(entry.digest);
    if (!same) this.byDigest.set(entry.digest, (same = new Set()));
    same.add(id);
    for (const key of entry.keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, id);
      else if (typeof bucket === 'string') this.buckets.set(key, [bucket, id]);
      else bucket.push(id);
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    const same = this.byDigest.get(entry.digest)!;
    same.delete(id);
    if (same.size === 0) this.byDigest.delete(entry.digest);
    for (const key of entry.keys) {
      const bucket = this.buckets.get(key);
      const left = idsOf(bucket).filter((other) => other !== id);
      if (left.length === 0) this.buckets.delete(key);
      else this.buckets.set(key, left.length === 1 ? left[0]! : left);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Texts of the index the same as or nearly the same as `text`, most alike first; `skip` leaves ids out. */
  find(text: string, skip: (id: string) => boolean = () => false): DuplicateMatch[] {
    const comparable = comparableText(text);
    if (comparable.length < MIN_CHARS) return [];
    const matches = new Map<string, DuplicateMatch>();
    for (const id of this.byDigest.get(textDigest(comparable)) ?? [])
      if (!skip(id)) matches.set(id, { id, similarity: 1, exact: true });
    const set = shingles(comparable);
    const shared = new Map<string, number>();
    for (const key of bandKeys(set))
      for (const id of idsOf(this.buckets.get(key)))
        if (!matches.has(id) && !skip(id)) shared.set(id, (shared.get(id) ?? 0) + 1);
    // Those sharing most bands first: the likeliest to pass when there are too many to check.
    const candidates = [...shared].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    for (const [id] of candidates) {
      const other = this.textOf(id);
      if (other === undefined) continue;
      const similarity = jaccard(set, shingles(comparableText(other)));
      if (similarity >= NEAR_SIMILARITY) matches.set(id, { id, similarity, exact: false });
    }
    return [...matches.values()].sort(
      (a, b) => Number(b.exact) - Number(a.exact) || b.similarity - a.similarity,
    );
  }
}

function idsOf(bucket: string | string[] | undefined): string[] {
  return bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket;
}

const indexes = new WeakMap<Catalog, DuplicateIndex>();

/**
 * The duplicate index of a catalog: built from its texts when first asked for, then kept in step
 * with every change the catalog makes visible. Nothing is stored: it is made again in each process.
 */
export function duplicateIndexOf(catalog: Catalog): DuplicateIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const built = new DuplicateIndex((id) => catalog.get(id)?.text);
  for (const item of catalog.all()) built.add(item.id, item.text);
  catalog.onChange((change) => {
    if (change.type === 'delete') built.remove(change.item.id);
    else if (change.previous?.text !== change.item.text || !change.previous)
      built.add(change.item.id, change.item.text);
  });
  indexes.set(catalog, (index = built));
  return index;
}
