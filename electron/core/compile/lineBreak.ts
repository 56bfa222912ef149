import LineBreaker from 'linebreak';

/** Characters that must not begin a line (行首禁则). */
const NO_LINE_START = new Set([
  ...'。，、；：？！）」』》〉】〕〗〙〛’”…—·～%‰℃,.;:?!)]}',
  ...'ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);
/** Characters that must not end a line (行尾禁则). */
const NO_LINE_END = new Set([...'（「『《〈【〔〖〘〚‘“([{']);

/**
 * Full-width marks whose glyph fills only half the em box, in simplified-Chinese fonts: closing
 * marks sit left (blank right half), opening marks sit right (blank left half). ？！ are centred
 * and never squeezed.
 */
const CLOSING = new Set([...'。，、；：）」』》〉】〕〗’”']);
const OPENING = new Set([...'（「『《〈【〔〖‘“']);

/** Full-width letters and digits: UAX #14 lets a line break between each, we keep them whole like ASCII words. */
const FULL_WIDTH_ALNUM = /^[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]$/;

export interface Unit {
  text: string;
  width: number;
  /** A space: a break may fall here and it vanishes at a line end. */
  space: boolean;
  /**
   * 标点挤压 with the unit before, when both share a line: a closing mark followed by another
   * closing or an opening mark (。」 ，「) loses the blank half of its em.
   */
  squeezeBefore: number;
}

export interface Line {
  units: Unit[];
  /** Natural width of the units with squeezes (trailing spaces excluded). */
  width: number;
  /** Last line of its paragraph: not justified. */
  last: boolean;
}

/** How much of the space between two adjacent characters 标点挤压 removes, as a fraction of an em. */
export function squeezeBetween(before: string, after: string): number {
  if (CLOSING.has(before) && (CLOSING.has(after) || OPENING.has(after))) return 0.5;
  if (OPENING.has(before) && OPENING.has(after)) return 0.5;
  return 0;
}

/** The characters of `text` with the squeeze (in ems) after each one. */
export function squeezesOf(text: string): number[] {
  const chars = [...text];
  return chars.map((ch, i) => (i + 1 < chars.length ? squeezeBetween(ch, chars[i + 1]!) : 0));
}

/** Width of a run of text with its inner punctuation squeezed. */
export function squeezedWidth(text: string, measure: (s: string) => number): number {
  const chars = [...text];
  let width = 0;
  chars.forEach((ch, i) => {
    const w = measure(ch);
    width += w;
    if (i + 1 < chars.length) width -= w * squeezeBetween(ch, chars[i + 1]!);
  });
  return width;
}

function segmentsOf(text: string): string[] {
  const breaker = new LineBreaker(text);
  const segments: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const segment = text.slice(last, bk.position);
    last = bk.position;
    const previous = segments[segments.length - 1];
    if (previous && FULL_WIDTH_ALNUM.test(previous.slice(-1)) && FULL_WIDTH_ALNUM.test(segment[0] ?? ''))
      segments[segments.length - 1] = previous + segment;
    else segments.push(segment);
  }
  return segments;
}

/**
 * Splits a paragraph into units that are never broken inside, at the line-break opportunities of
 * Unicode's UAX #14: each Han character alone, a closing mark with what precedes it (五。」), an
 * opening mark with what follows (「五), a Latin word or number whole (1984, HIV), URLs at their
 * slashes, …… and —— together. Trailing spaces become units of their own.
 */
export function toUnits(text: string, measure: (s: string) => number): Unit[] {
  const units: Unit[] = [];
  let previousChar = '';
  for (const segment of segmentsOf(text)) {
    const match = /^(.*?)(\s*)$/su.exec(segment)!;
    const word = match[1]!;
    if (word) {
      const first = [...word][0]!;
      const squeeze = previousChar ? squeezeBetween(previousChar, first) * measure(previousChar) : 0;
      units.push({ text: word, width: squeezedWidth(word, measure), space: false, squeezeBefore: squeeze });
      previousChar = [...word].pop()!;
    }
    if (match[2]) {
      units.push({ text: ' ', width: measure(' '), space: true, squeezeBefore: 0 });
      previousChar = ' ';
    }
  }
  return units;
}

function firstChar(unit: Unit): string {
  return [...unit.text][0] ?? '';
}
function lastChar(unit: Unit): string {
  const chars = [...unit.text];
  return chars[chars.length - 1] ?? '';
}

/**
 * Greedy line breaking at the UAX #14 units with the Chinese 避头尾 rules on top: when a line
 * would start with a closing mark or end with an opening one, characters move down to the next
 * line (the line is then justified wider). A word longer than a whole line is cut by characters.
 * `lineWidth` may vary by line (counted from 0): lines beside a figure are narrower.
 */
export function breakLines(
  units: Unit[],
  lineWidth: number | ((line: number) => number),
  firstIndent: number,
  measure: (s: string) => number,
): Line[] {
  const queue = [...units];
  const lines: Line[] = [];
  const widthOf = typeof lineWidth === 'number' ? () => lineWidth : lineWidth;
  let start = 0;
  while (start < queue.length) {
    while (start < queue.length && queue[start]!.space && lines.length > 0) start++;
    if (start >= queue.length) break;
    const available = widthOf(lines.length) - (lines.length === 0 ? firstIndent : 0);
    // A word wider than a whole line is cut into characters where it starts a line.
    const head = queue[start]!;
    if (head.width > available && [...head.text].length > 1)
      queue.splice(
        start,
        1,
        ...[...head.text].map((ch) => ({ text: ch, width: measure(ch), space: false, squeezeBefore: 0 })),
      );
    let end = start;
    let width = 0;
    while (end < queue.length) {
      const unit = queue[end]!;
      const added = unit.width - (end > start ? unit.squeezeBefore : 0);
      if (width + added > available + 0.01) break;
      width += added;
      end++;
    }
    if (end === start) end = start + 1; // a unit wider than the line still takes a line alone
    if (end < queue.length) end = adjustBreak(queue, start, end);
    const lineUnits = trimTrailingSpaces(queue.slice(start, end));
    lines.push({ units: lineUnits, width: lineWidthOf(lineUnits), last: end >= queue.length });
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

function lineWidthOf(units: Unit[]): number {
  return units.reduce((w, u, i) => w + u.width - (i > 0 ? u.squeezeBefore : 0), 0);
}
