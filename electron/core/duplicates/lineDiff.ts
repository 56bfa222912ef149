/** One row of a side-by-side view: a line on either side (the same, or changed), or a run of same lines left out. */
export type DiffRow =
  | { type: 'same'; left: number; right: number; text: string }
  | { type: 'changed'; left?: { line: number; text: string }; right?: { line: number; text: string } }
  | { type: 'skipped'; count: number };

/** Same lines kept around each change; longer runs of same lines are one `skipped` row. */
const CONTEXT = 2;
/** Lines shown of texts that are the same line for line. */
const OPENING = 3;
/** Beyond this many differing lines the texts are shown as wholly changed rather than aligned. */
const MAX_EDITS = 2000;

/**
 * The lines of two texts side by side (Myers' diff): same lines matched, a deleted line beside the
 * inserted one that took its place, long runs of same lines left out.
 */
export function sideBySide(leftText: string, rightText: string): DiffRow[] {
  const a = leftText.split('\n');
  const b = rightText.split('\n');
  const script = editScript(a, b);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of [...script, [a.length, b.length] as const]) {
    // Lines before the next match: deleted on the left, inserted on the right, paired by place.
    const deleted = x - i;
    const inserted = y - j;
    for (let k = 0; k < Math.max(deleted, inserted); k++)
      rows.push({
        type: 'changed',
        ...(k < deleted && { left: { line: i + k + 1, text: a[i + k]! } }),
        ...(k < inserted && { right: { line: j + k + 1, text: b[j + k]! } }),
      });
    if (x < a.length) rows.push({ type: 'same', left: x + 1, right: y + 1, text: a[x]! });
    i = x + 1;
    j = y + 1;
  }
  return collapse(rows);
}

/** The matched lines [i, j] of a and b, in order (a longest common subsequence). */
function editScript(a: string[], b: string[]): [number, number][] {
  // Same lines at either end are matched first: near-duplicates differ in a few places.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = Array.from({ length: start }, (_, k): [number, number] => [k, k]);
  const tail = Array.from({ length: a.length - endA }, (_, k): [number, number] => [endA + k, endB + k]);
  const middle = myers(a.slice(start, endA), b.slice(start, endB)).map(([x, y]): [number, number] => [
    x + start,
    y + start,
  ]);
  return [...head, ...middle, ...tail];
}

function myers(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m);
    }
  }
  return []; // too different to align: every line is shown as changed
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number): [number, number][] {
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) matches.push([--x, --y]);
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return matches.reverse();
}

function collapse(rows: DiffRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  let run: DiffRow[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    // Texts the same throughout still show how they begin, side by side.
    const keepBefore = atStart ? (atEnd ? OPENING : 0) : CONTEXT;
    const keepAfter = atEnd ? 0 : CONTEXT;
    if (run.length <= keepBefore + keepAfter + 1) out.push(...run);
    else {
      out.push(...run.slice(0, keepBefore));
      out.push({ type: 'skipped', count: run.length - keepBefore - keepAfter });
      out.push(...run.slice(run.length - keepAfter));
    }
    run = [];
  };
  for (const row of rows) {
    if (row.type === 'same') run.push(row);
    else {
      flush(out.length === 0, false);
      out.push(row);
    }
  }
  flush(out.length === 0, true);
  return out;
}
