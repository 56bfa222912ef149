import type { OcrLine } from '../model';

/** Two spans overlap by at least this share of the shorter one: same row (or same column). */
const SAME_BAND = 0.5;

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  const shared = Math.min(a1, b1) - Math.max(a0, b0);
  return shared / Math.max(1e-9, Math.min(a1 - a0, b1 - b0));
}

/**
 * Groups lines into bands across the reading direction (rows of horizontal text, columns of
 * vertical text), then orders them: rows top to bottom and each row left to right; columns right
 * to left and each column top to bottom.
 */
function bands(lines: OcrLine[], vertical: boolean): OcrLine[] {
  const span = (l: OcrLine): [number, number] => (vertical ? [l.box.x, l.box.x + l.box.w] : [l.box.y, l.box.y + l.box.h]);
  const groups: { lines: OcrLine[]; from: number; to: number }[] = [];
  const sorted = [...lines].sort((a, b) => span(a)[0] - span(b)[0]);
  for (const line of sorted) {
    const [from, to] = span(line);
    const group = groups.find((g) => overlap(g.from, g.to, from, to) >= SAME_BAND);
    if (group) {
      group.lines.push(line);
      group.from = Math.min(group.from, from);
      group.to = Math.max(group.to, to);
    } else groups.push({ lines: [line], from, to });
  }
  groups.sort((a, b) => (vertical ? b.from - a.from : a.from - b.from));
  return groups.flatMap((g) => g.lines.sort((a, b) => (vertical ? a.box.y - b.box.y : a.box.x - b.box.x)));
}

function isWide(line: OcrLine): boolean {
  const [tl, tr, , bl] = line.quad as [number, number][];
  const width = Math.hypot(tr![0] - tl![0], tr![1] - tl![1]);
  const height = Math.hypot(bl![0] - tl![0], bl![1] - tl![1]);
  return width >= height * 1.5;
}

/**
 * Lines in reading order. A page whose text is mostly in tall narrow boxes is vertical: its
 * columns are read right to left, top to bottom; lines of the other direction (a horizontal
 * heading over columns) are read before or after by where they stand.
 */
export function readingOrder(lines: OcrLine[]): { vertical: boolean; lines: OcrLine[] } {
  const weight = (l: OcrLine) => l.text.length;
  const verticalChars = lines.filter((l) => l.vertical).reduce((sum, l) => sum + weight(l), 0);
  const totalChars = lines.reduce((sum, l) => sum + weight(l), 0);
  const vertical = totalChars > 0 && verticalChars * 2 > totalChars;
  if (!vertical) return { vertical, lines: bands(lines, false) };
  // Horizontal lines above the columns (a title) come first, those below them last.
  // A column of one character has a square box: it stands with the columns, not across them.
  const columns = lines.filter((l) => l.vertical || !isWide(l));
  const top = Math.min(...columns.map((l) => l.box.y));
  const across = lines.filter((l) => !columns.includes(l));
  const above = across.filter((l) => l.box.y + l.box.h / 2 < top);
  const below = across.filter((l) => !above.includes(l));
  return { vertical, lines: [...bands(above, false), ...bands(columns, true), ...bands(below, false)] };
}
