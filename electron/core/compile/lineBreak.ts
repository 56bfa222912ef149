/** Characters that must not begin a line (行首禁则). */
const NO_LINE_START = new Set([
  ...'。，、；：？！）」』》〉】〕〗〙〛’”…—·～%‰℃,.;:?!)]}',
  ...'ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);
/** Characters that must not end a line (行尾禁则). */
const NO_LINE_END = new Set([...'（「『《〈【〔〖〘〚‘“([{']);

export interface Unit {
  text: string;
  width: number;
  /** A space: a break may fall here and it vanishes at a line end. */
  space: boolean;
}

export interface Line {
  units: Unit[];
  /** Natural width of the units (trailing spaces excluded). */
  width: number;
  /** Last line of its paragraph: not justified. */
  last: boolean;
}

/**
 * Splits a paragraph into units that are never broken inside: each Han character or CJK
 * punctuation mark alone, a Latin word or number whole (1984, HIV), a run of spaces.
 * ……and —— stay together as one unit.
 */
export function toUnits(text: string, measure: (s: string) => number): Unit[] {
  const pieces = text.match(/……|——|\s+|[\p{Script=Latin}\p{N}'’\-_./:@]+|./gsu) ?? [];
  return pieces.map((piece) => ({
    text: /^\s+$/.test(piece) ? ' ' : piece,
    width: measure(/^\s+$/.test(piece) ? ' ' : piece),
    space: /^\s+$/.test(piece),
  }));
}

function firstChar(unit: Unit): string {
  return [...unit.text][0] ?? '';
}
function lastChar(unit: Unit): string {
  const chars = [...unit.text];
  return chars[chars.length - 1] ?? '';
}

/**
 * Greedy line breaking with the Chinese 避头尾 rules: when a line would start with a closing
 * mark or end with an opening one, characters move down to the next line (the line is then
 * justified wider). A word longer than a whole line is cut by characters.
 */
export function breakLines(
  units: Unit[],
  lineWidth: number,
  firstIndent: number,
  measure: (s: string) => number,
): Line[] {
  const queue = [...units];
  const lines: Line[] = [];
  let start = 0;
  while (start < queue.length) {
    while (start < queue.length && queue[start]!.space && lines.length > 0) start++;
    if (start >= queue.length) break;
    const available = lineWidth - (lines.length === 0 ? firstIndent : 0);
    // A word wider than a whole line is cut into characters where it starts a line.
    const head = queue[start]!;
    if (head.width > available && [...head.text].length > 1)
      queue.splice(start, 1, ...[...head.text].map((ch) => ({ text: ch, width: measure(ch), space: false })));
    let end = start;
    let width = 0;
    while (end < queue.length && width + queue[end]!.width <= available + 0.01) {
      width += queue[end]!.width;
      end++;
    }
    if (end === start) end = start + 1; // a unit wider than the line still takes a line alone
    if (end < queue.length) end = adjustBreak(queue, start, end);
    const lineUnits = trimTrailingSpaces(queue.slice(start, end));
    lines.push({ units: lineUnits, width: sumWidth(lineUnits), last: end >= queue.length });
    start = end;
  }
  return lines;
}

/** Moves the break point back while it would leave forbidden punctuation at a line edge. */
function adjustBreak(units: Unit[], start: number, end: number): number {
  for (let at = end; at - start > 1 && end - at < 8; at--) {
    const next = units[at]!;
    const badStart = !next.space && NO_LINE_START.has(firstChar(next));
    const badEnd = NO_LINE_END.has(lastChar(units[at - 1]!));
    if (!badStart && !badEnd) return at;
  }
  return end;
}

function trimTrailingSpaces(units: Unit[]): Unit[] {
  let end = units.length;
  while (end > 0 && units[end - 1]!.space) end--;
  return units.slice(0, end);
}

function sumWidth(units: Unit[]): number {
  return units.reduce((w, u) => w + u.width, 0);
}
