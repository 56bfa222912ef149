import type { Line } from './lineBreak';
import type { Flow, PageRef, ParagraphOptions, SetFonts } from './layout';

export type HeadingLevel = 1 | 2 | 3;

/** A 小标题 as set: where it landed (for the outline and the 目录). */
export interface PlacedHeading {
  level: HeadingLevel;
  text: string;
  ref: PageRef;
  /** Top of its first line on the page, so a bookmark opens at the heading. */
  top: number;
}

/** A 小标题 broken into lines, waiting for what follows it so the two share a page. */
export interface HeldHeading {
  level: HeadingLevel;
  text: string;
  lines: Line[];
  options: ParagraphOptions;
  /** Blank grid lines before it, unless it opens a page or follows another heading. */
  before: number;
}

/**
 * How each level is set, after the common practice of Chinese books: 一级 centred in 黑体 at
 * 小四, 二级 in 黑体 at the body size with the 2-character indent, 三级 in the lighter sans at the
 * body size, indented, with no blank line before it.
 */
function styleOf(
  level: HeadingLevel,
  fonts: SetFonts,
  body: number,
): { options: ParagraphOptions; before: number } {
  if (level === 1) return { options: { font: fonts.heading, size: body * 1.15, align: 'center' }, before: 1 };
  if (level === 2)
    return { options: { font: fonts.heading, size: body, align: 'left', indent: body * 2 }, before: 1 };
  return { options: { font: fonts.caption, size: body, align: 'left', indent: body * 2 }, before: 0 };
}

/** Holds a 小标题 until what follows it is set: a heading is never the last line of a page. */
export function holdHeading(flow: Flow, fonts: SetFonts, level: HeadingLevel, text: string): void {
  const body = flow.grid.style.bodySize;
  const { options, before } = styleOf(level, fonts, body);
  const indent = options.indent ?? 0;
  // Long headings wrap inside the indent on both sides, so they stay apart from the text.
  const width = flow.grid.textWidth - indent * 2;
  const lines = flow.balancedLines(text, options.font, options.size, width);
  flow.held.push({ level, text, lines, options: { ...options, indent }, before });
}

/**
 * Sets the held headings here if what follows them can start on this page below them (`starts`
 * is asked with the lines left after the headings), else at the top of the next page.
 */
export function placeHeld(flow: Flow, starts: (room: number) => boolean): void {
  const held = flow.held;
  if (held.length === 0) return;
  // A heading takes the whole width: never beside a half-width figure.
  flow.clearBeside();
  const need = held.reduce((n, h, i) => n + h.lines.length + (i === 0 ? h.before : 0), 0);
  if (flow.line > 0 && (need >= flow.linesLeft || !starts(flow.linesLeft - need))) flow.continuePage();
  const grid = flow.grid;
  held.forEach((heading, i) => {
    if (i === 0 && flow.line > 0) flow.line += heading.before;
    flow.headings.push({
      level: heading.level,
      text: heading.text,
      ref: flow.here(),
      top: grid.top - flow.line * grid.lineHeight,
    });
    for (const line of heading.lines) {
      flow.drawLine(line, { ...heading.options, width: grid.textWidth });
      flow.line += 1;
    }
  });
  held.length = 0;
}
