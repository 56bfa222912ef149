// Sets of matching documents with scores, and the ways queries combine and rank them.

/** Documents in ascending order, each with its score. */
export interface Hits {
  docs: Uint32Array;
  scores: Float32Array;
}

export const NO_HITS: Hits = { docs: new Uint32Array(0), scores: new Float32Array(0) };

export function fromList(docs: number[], score: number): Hits {
  return { docs: Uint32Array.from(docs), scores: new Float32Array(docs.length).fill(score) };
}

export function intersect(a: Hits, b: Hits): Hits {
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

export function union(a: Hits, b: Hits): Hits {
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

export function subtract(a: Hits, b: Hits): Hits {
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
export function topK(items: Uint32Array, k: number, better: (a: number, b: number) => number): number[] {
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
export function topByScore(hits: Hits, k: number): number[] {
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
