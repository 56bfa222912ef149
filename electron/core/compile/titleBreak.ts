import { toUnits, type Line, type Unit } from './lineBreak';

/**
 * Where a title may break, and at what cost. UAX #14 lets a line break between any two Han
 * characters, which is right for running text and wrong for a title: 「……——许昌／市政协」 splits a
 * place name. Intl.Segmenter's words keep 许昌 whole but give 许昌/市/政协, so a break before a
 * one-character word (市, 厂, 县) costs more than one after it, and a break after a dash or a
 * comma (the seam between a title and its subtitle) is preferred to any other.
 */
const INSIDE_WORD = 1000;
const BEFORE_SINGLE = 40;
const AFTER_SINGLE = 10;
const BETWEEN_WORDS = 4;
const AFTER_PUNCTUATION = -40;
const PUNCTUATION = /[—–\-－：:，,、；;！!？?）)」』”’》]$/u;
const HAN = /\p{Script=Han}/u;
/**
 * 第 makes an ordinal of the number after it (第一批, 第3次) and the segmenter gives it as a word
 * of its own (第/一批): it binds forward, so it is never left at a line's end.
 */
const ORDINAL = '第';
const NUMERAL = /^[\d〇零一二三四五六七八九十百千万两]/u;

/** The cost of a break before code unit `at` of `text`, for each boundary of the given units. */
function breakCosts(text: string, units: Unit[]): number[] {
  const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)];
  const starts = new Map<number, string>();
  const ends = new Map<number, string>();
  for (const w of words) {
    starts.set(w.index, w.segment);
    ends.set(w.index + w.segment.length, w.segment);
  }
  const costs: number[] = [];
  let at = 0;
  for (const unit of units) {
    const before = text.slice(0, at);
    const after = starts.get(at);
    const ended = ends.get(at);
    if (at === 0) costs.push(0);
    else if (unit.space) costs.push(INSIDE_WORD);
    else if (/\s$/u.test(before)) costs.push(BETWEEN_WORDS);
    else if (PUNCTUATION.test(before)) costs.push(AFTER_PUNCTUATION);
    else if (after === undefined || ended === undefined) costs.push(INSIDE_WORD);
    else if (ended === ORDINAL && NUMERAL.test(after)) costs.push(INSIDE_WORD);
    else if (after === ORDINAL) costs.push(BETWEEN_WORDS);
    else if ([...after].length === 1 && HAN.test(after)) costs.push(BEFORE_SINGLE);
    else if ([...ended].length === 1 && HAN.test(ended)) costs.push(AFTER_SINGLE);
    else costs.push(BETWEEN_WORDS);
    at += unit.space ? unitLength(text, at) : unit.text.length;
  }
  return costs;
}

/** A space unit stands for the run of white space at `at`. */
function unitLength(text: string, at: number): number {
  return /^\s+/u.exec(text.slice(at))?.[0].length ?? 1;
}

function widthOf(units: Unit[], from: number, to: number): number {
  let width = 0;
  let end = to;
  while (end > from && units[end - 1]!.space) end--;
  for (let i = from; i < end; i++) width += units[i]!.width - (i > from ? units[i]!.squeezeBefore : 0);
  return width;
}

/**
 * A title in as few lines as its measure allows, broken where a reader pauses: the break points
 * are chosen together (not one line at a time) for the lowest cost, which adds the price of each
 * break to how unevenly the lines are filled (in ems, squared), so the lines come out balanced.
 */
export function titleLines(
  text: string,
  measure: (s: string) => number,
  width: number,
  size: number,
): Line[] {
  const units = toUnits(text, measure);
  const n = units.length;
  if (n === 0) return [];
  if (widthOf(units, 0, n) <= width + 0.01) return [lineOf(units, 0, n, true)];
  const costs = breakCosts(text, units);
  // A unit wider than the measure on its own still takes a line: it is cut by the caller's width.
  const fits = (from: number, to: number) => to === from + 1 || widthOf(units, from, to) <= width + 0.01;
  // best[k][j]: cheapest way to set units 0..j in k lines; the fewest lines that can hold the title win.
  const best: { cost: number; from: number }[][] = [[{ cost: 0, from: -1 }]];
  for (let k = 1; k <= n; k++) {
    const row: { cost: number; from: number }[] = [];
    for (let i = 0; i < n; i++) {
      const start = best[k - 1]![i];
      if (!start) continue;
      for (let j = i + 1; j <= n && fits(i, j); j++) {
        const slack = (width - widthOf(units, i, j)) / size;
        const cost = start.cost + slack * slack + (j < n ? costs[j]! : 0);
        if (!row[j] || cost < row[j]!.cost) row[j] = { cost, from: i };
      }
    }
    best.push(row);
    if (row[n]) return trace(best, units, k);
  }
  return [lineOf(units, 0, n, true)];
}

function trace(best: { cost: number; from: number }[][], units: Unit[], count: number): Line[] {
  const lines: Line[] = [];
  let end = units.length;
  for (let k = count; k > 0; k--) {
    const from = best[k]![end]!.from;
    lines.unshift(lineOf(units, from, end, k === count));
    end = from;
  }
  return lines;
}

function lineOf(units: Unit[], from: number, to: number, last: boolean): Line {
  let end = to;
  while (end > from && units[end - 1]!.space) end--;
  let start = from;
  while (start < end && units[start]!.space) start++;
  return { units: units.slice(start, end), width: widthOf(units, start, end), last };
}
