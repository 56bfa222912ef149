import { breakLines, squeezedWidth, toUnits, type Line, type Unit } from './lineBreak';
import type { PageStyle } from './pageStyle';
import type { TypesetFont } from './fonts';
import { titleLines } from './titleBreak';
import { placeHeld, type HeldHeading, type PlacedHeading } from './headingFlow';
import { ASCENT, FigurePlacer, type FigureSource } from './figureLayout';

export { CAPTION_RATIO } from './figureLayout';

/** The faces a volume is set in. */
export interface SetFonts {
  /** Serif: body text, bylines, the TOC. */
  body: TypesetFont;
  /** Bold face for titles and headings. */
  heading: TypesetFont;
  /** Smaller face for captions, running heads, 编者按 and the imprint. */
  caption: TypesetFont;
  /** The volume title on the title page. */
  title: TypesetFont;
}

export interface TextOp {
  kind: 'text';
  font: TypesetFont;
  size: number;
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  /** Character spacing (Tc) that justifies the line. */
  spacing: number;
}
export interface ImageOp {
  kind: 'image';
  file: string;
  x: number;
  /** Bottom edge. */
  y: number;
  width: number;
  height: number;
  /** The figure it shows, for the compile report. */
  source?: FigureSource;
}
export interface LinkOp {
  kind: 'link';
  rect: [number, number, number, number];
  /** Index of the target page in its flow, and which flow. */
  target: PageRef;
}
export type Op = TextOp | ImageOp | LinkOp;

export interface PageRef {
  flow: 'front' | 'body';
  index: number;
}

export interface LaidPage {
  ops: Op[];
  /** Running head; none on openers and blank pages. */
  head?: string;
  folio: boolean;
}

/**
 * The text block on a grid: a whole number of body characters a line (so CJK text lines up
 * down the page) and a whole number of lines a page, at the same baselines on every page.
 */
export class Grid {
  readonly perLine: number;
  readonly textWidth: number;
  readonly lineHeight: number;
  readonly linesPerPage: number;
  readonly top: number;
  readonly textHeight: number;

  constructor(readonly style: PageStyle) {
    const room = style.width - style.marginInner - style.marginOuter;
    this.perLine = Math.floor(room / style.bodySize);
    this.textWidth = this.perLine * style.bodySize;
    this.lineHeight = style.bodySize * style.leading;
    this.textHeight = style.height - style.marginTop - style.marginBottom;
    this.linesPerPage = Math.floor((this.textHeight - style.bodySize) / this.lineHeight) + 1;
    this.top = style.height - style.marginTop;
  }

  /** Left edge of the text block: the inner margin is on the left of a recto page. */
  left(recto: boolean): number {
    const room = this.style.width - this.style.marginInner - this.style.marginOuter;
    const slack = (room - this.textWidth) / 2;
    return (recto ? this.style.marginInner : this.style.marginOuter) + slack;
  }

  /** Baseline of grid line `line` for text of `size`, sitting on the body grid. */
  baseline(line: number, size = this.style.bodySize): number {
    return (
      this.top - line * this.lineHeight - this.style.bodySize * ASCENT - (size - this.style.bodySize) / 2
    );
  }
}

export interface ParagraphOptions {
  font: TypesetFont;
  size: number;
  indent?: number;
  align?: 'justify' | 'center' | 'left';
}

/** How many lines of a paragraph (from line `from`) go on a page with `room` lines left: no orphan, no widow. */
function linesHere(room: number, count: number, from: number): number {
  let take = Math.min(room, count - from);
  if (count - from - take === 1 && take > 1) take -= 1;
  if (from === 0 && take === 1 && count > 1) take = 0;
  return take;
}

/**
 * The units after the first `take` lines, to be broken again where they land. Taken from the
 * units themselves, so the spaces a line end dropped (between Latin words) are kept; a word cut
 * into characters is no longer among them, and then the lines' own units serve.
 */
function remainingUnits(units: Unit[], lines: Line[], take: number): Unit[] {
  const last = lines[take - 1]!.units[lines[take - 1]!.units.length - 1];
  const at = last ? units.indexOf(last) : -1;
  const rest = at >= 0 ? units.slice(at + 1) : lines.slice(take).flatMap((line) => line.units);
  let start = 0;
  while (start < rest.length && rest[start]!.space) start++;
  return rest.slice(start);
}

/**
 * One sequence of pages (front matter or body) being filled line by line on the grid. Pages
 * alternate recto/verso from a recto, so a page's side is its index's parity.
 */
export class Flow {
  readonly pages: LaidPage[] = [];
  /** Next free grid line on the current page. */
  line = 0;
  /** Figures placed as the text runs, floated to the next page when they do not fit. */
  readonly figures: FigurePlacer = new FigurePlacer(this);
  /** Lines of the current page beside a half-width figure, [from, until), and the text width there. */
  private beside: { from: number; until: number; width: number }[] = [];
  /** Running head of continuation pages. */
  private head: { verso: string; recto: string } | undefined;
  /** 小标题 not yet placed: they go on the page where the text after them starts. */
  readonly held: HeldHeading[] = [];
  /** Every 小标题 placed so far, in order; the compiler takes each article's share. */
  readonly headings: PlacedHeading[] = [];

  constructor(
    readonly name: 'front' | 'body',
    readonly grid: Grid,
    readonly fonts: SetFonts,
  ) {}

  get page(): LaidPage {
    return this.pages[this.pages.length - 1]!;
  }
  get pageIndex(): number {
    return this.pages.length - 1;
  }
  get recto(): boolean {
    return this.pageIndex % 2 === 0;
  }
  get left(): number {
    return this.grid.left(this.recto);
  }
  get linesLeft(): number {
    return this.grid.linesPerPage - this.line;
  }

  /** Starts a page with no running head; on a recto if asked, leaving a blank verso before it. */
  openPage(options: { recto?: boolean; folio?: boolean } = {}): void {
    placeHeld(this, () => true);
    if (options.recto && this.pages.length % 2 === 1) this.pages.push({ ops: [], folio: false });
    this.pages.push({ ops: [], folio: options.folio ?? true });
    this.line = 0;
    this.beside = [];
  }

  /** Pads the flow to an even number of pages, so the next flow starts on a recto. */
  padToEven(): void {
    if (this.pages.length % 2 === 1) this.pages.push({ ops: [], folio: false });
  }

  setRunningHead(head: { verso: string; recto: string } | undefined): void {
    this.head = head;
  }

  /** A new page in the running text: with its running head, and the figures waiting for it on top. */
  continuePage(): void {
    this.pages.push({ ops: [], folio: true });
    this.line = 0;
    this.beside = [];
    if (this.head) this.page.head = this.recto ? this.head.recto : this.head.verso;
    this.figures.pageStarted();
  }

  /** Narrows grid lines [from, until) of this page to `width`: a half-width figure stands beside them. */
  narrow(from: number, until: number, width: number): void {
    this.beside.push({ from, until, width });
  }

  /** The text width at grid line `line` of this page. */
  widthAt(line: number): number {
    const range = this.beside.find((r) => line >= r.from && line < r.until);
    return range ? range.width : this.grid.textWidth;
  }

  /** The first line below every figure beside the text on this page (0 when there is none). */
  besideUntil(): number {
    return this.beside.reduce((until, r) => Math.max(until, r.until), 0);
  }

  /** Moves below a figure the text runs beside: what comes next takes the whole width. */
  clearBeside(): void {
    this.line = Math.max(this.line, this.besideUntil());
  }

  here(): PageRef {
    return { flow: this.name, index: this.pageIndex };
  }

  skip(lines: number): void {
    this.line += lines;
  }

  measure(font: TypesetFont, size: number): (s: string) => number {
    return (s) => font.width(s, size);
  }

  lines(text: string, font: TypesetFont, size: number, width: number, indent = 0): Line[] {
    const measure = this.measure(font, size);
    return breakLines(toUnits(text, measure), width, indent, measure);
  }

  /** A title's lines: balanced, and broken between words (see titleBreak). */
  balancedLines(text: string, font: TypesetFont, size: number, width: number): Line[] {
    return titleLines(text, this.measure(font, size), width, size);
  }

  /** Draws one broken line at grid line `line` (or an explicit baseline). */
  drawLine(line: Line, options: ParagraphOptions & { width?: number; x?: number; baseline?: number }): void {
    const text = line.units.map((u) => u.text).join('');
    const width = options.width ?? this.widthAt(this.line);
    const x0 = options.x ?? this.left;
    const indent = options.indent ?? 0;
    const y = options.baseline ?? this.grid.baseline(this.line, options.size);
    const align = options.align ?? 'justify';
    if (align === 'center') {
      this.text({ font: options.font, size: options.size, x: x0 + (width - line.width) / 2, y, text });
      return;
    }
    const glyphs = [...text].length;
    // CJK justification: spread the slack evenly between all glyphs of a full line.
    const spacing =
      align === 'justify' && !line.last && glyphs > 1 ? (width - indent - line.width) / (glyphs - 1) : 0;
    this.text({ font: options.font, size: options.size, x: x0 + indent, y, text, spacing });
  }

  text(op: Omit<TextOp, 'kind' | 'spacing'> & { spacing?: number }): void {
    this.page.ops.push({ kind: 'text', spacing: 0, ...op });
  }

  /** A single centred line of `text` on the current grid line. */
  centered(text: string, font: TypesetFont, size: number, baseline?: number): void {
    const width = squeezedWidth(text, this.measure(font, size));
    this.text({
      font,
      size,
      x: this.left + (this.grid.textWidth - width) / 2,
      y: baseline ?? this.grid.baseline(this.line, size),
      text,
    });
  }

  /**
   * Sets a paragraph on the grid, across pages as needed, never leaving its first line alone at
   * a page's foot (orphan) or its last line alone at a page's head (widow). Lines are broken for
   * where they land (narrower beside a figure), so what runs on to a new page is broken afresh.
   */
  paragraph(text: string, options: ParagraphOptions): void {
    const indent = options.indent ?? 0;
    const measure = this.measure(options.font, options.size);
    let units = toUnits(text, measure);
    let first = true;
    // Held 小标题 go here only if this paragraph can start below them (no orphan).
    const opening = breakLines(units, (k) => this.widthAt(this.line + k), indent, measure);
    placeHeld(this, (room) => linesHere(room, opening.length, 0) > 0);
    while (units.length > 0) {
      const from = this.line;
      const lines = breakLines(units, (k) => this.widthAt(from + k), first ? indent : 0, measure);
      let take = Math.min(this.linesLeft, lines.length);
      if (lines.length - take === 1 && take > 1) take -= 1;
      if (first && take === 1 && lines.length > 1) take = 0;
      if (take <= 0) {
        this.continuePage();
        continue;
      }
      for (let k = 0; k < take; k++) {
        this.drawLine(lines[k]!, { ...options, indent: first && k === 0 ? indent : 0 });
        this.line += 1;
      }
      units = remainingUnits(units, lines, take);
      first = false;
      if (units.length > 0) this.continuePage();
    }
  }

  /** A heading inside the running text: a blank line before it, and kept with two lines after it. */
  subheading(text: string, font: TypesetFont, size: number): void {
    this.clearBeside();
    const before = this.line === 0 ? 0 : 1;
    if (this.linesLeft < before + 3) this.continuePage();
    else this.line += before;
    for (const line of this.lines(text, font, size, this.grid.textWidth)) {
      this.drawLine(line, { font, size, align: 'left' });
      this.line += 1;
    }
  }
}
