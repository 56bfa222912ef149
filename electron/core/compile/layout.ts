import { breakLines, squeezedWidth, toUnits, type Line } from './lineBreak';
import type { PageStyle } from './pageStyle';
import type { TypesetFont } from './fonts';
import { titleLines } from './titleBreak';
import { placeHeld, type HeldHeading, type PlacedHeading } from './headingFlow';

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

/** A figure ready to be placed: its size on the page and its caption already broken into lines. */
export interface FigureBlock {
  file: string;
  pixels: { width: number; height: number };
  captionText: string;
  share: number;
  width: number;
  height: number;
  caption: Line[];
  /** Grid lines the image, caption and the space after take. */
  lines: number;
}

// The ideographic em box of Noto CJK rises 0.88 em above the baseline.
const ASCENT = 0.88;
export const CAPTION_RATIO = 0.86;
const CAPTION_LEADING = 1.45;

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
 * One sequence of pages (front matter or body) being filled line by line on the grid. Pages
 * alternate recto/verso from a recto, so a page's side is its index's parity.
 */
export class Flow {
  readonly pages: LaidPage[] = [];
  /** Next free grid line on the current page. */
  line = 0;
  /** Figures that did not fit where they were called: they go to the top of the next page. */
  private readonly floats: FigureBlock[] = [];
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
    if (this.head) this.page.head = this.recto ? this.head.recto : this.head.verso;
    while (this.floats.length > 0 && this.floats[0]!.lines <= this.linesLeft)
      this.placeFigure(this.floats.shift()!);
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
    const width = options.width ?? this.grid.textWidth;
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
   * a page's foot (orphan) or its last line alone at a page's head (widow).
   */
  paragraph(text: string, options: ParagraphOptions): void {
    const indent = options.indent ?? 0;
    const lines = this.lines(text, options.font, options.size, this.grid.textWidth, indent);
    placeHeld(this, (room) => linesHere(room, lines.length, 0) > 0);
    let i = 0;
    while (i < lines.length) {
      const take = linesHere(this.linesLeft, lines.length, i);
      if (take <= 0) {
        this.continuePage();
        continue;
      }
      for (let k = 0; k < take; k++, i++) {
        this.drawLine(lines[i]!, { ...options, indent: i === 0 ? indent : 0 });
        this.line += 1;
      }
      if (i < lines.length) this.continuePage();
    }
  }

  /** A heading inside the running text: a blank line before it, and kept with two lines after it. */
  subheading(text: string, font: TypesetFont, size: number): void {
    const before = this.line === 0 ? 0 : 1;
    if (this.linesLeft < before + 3) this.continuePage();
    else this.line += before;
    for (const line of this.lines(text, font, size, this.grid.textWidth)) {
      this.drawLine(line, { font, size, align: 'left' });
      this.line += 1;
    }
  }

  /** Lays out a figure block: image scaled into the text width share, caption lines below it. */
  figureBlock(
    file: string,
    pixels: { width: number; height: number },
    caption: string,
    share: number,
    maxHeight = this.grid.textHeight * 0.5,
  ): FigureBlock {
    const grid = this.grid;
    const size = grid.style.bodySize * CAPTION_RATIO;
    let width = grid.textWidth * Math.min(1, Math.max(0.3, share));
    let height = (width * pixels.height) / pixels.width;
    if (height > maxHeight) {
      width *= maxHeight / height;
      height = maxHeight;
    }
    const lines = caption ? this.lines(caption, this.fonts.caption, size, grid.textWidth * 0.85) : [];
    const total = height + size * 0.8 + lines.length * size * CAPTION_LEADING;
    return {
      file,
      pixels,
      captionText: caption,
      share,
      width,
      height,
      caption: lines,
      lines: Math.ceil(total / grid.lineHeight) + 1,
    };
  }

  /** The block shrunk to the lines left on this page, if it keeps at least 70% of its height. */
  private shrunk(block: FigureBlock): FigureBlock | null {
    const spare = block.lines * this.grid.lineHeight - block.height;
    const room = this.linesLeft * this.grid.lineHeight - spare;
    if (room < block.height * 0.7) return null;
    const smaller = this.figureBlock(
      block.file,
      block.pixels,
      block.captionText,
      block.share,
      room - this.grid.lineHeight,
    );
    return smaller.lines <= this.linesLeft ? smaller : null;
  }

  /**
   * Places a figure here if it fits (a little smaller if need be); else it floats to the top of
   * the next page while the text runs on, so no gap is left below the text.
   */
  figure(block: FigureBlock): void {
    placeHeld(this, (room) => room >= Math.min(block.lines, this.grid.linesPerPage - 1));
    const fitting = block.lines <= this.linesLeft ? block : this.shrunk(block);
    if (fitting) this.placeFigure(fitting);
    else this.floats.push(block);
  }

  /** At an article's end the figures still waiting go below the text if they fit, else on a page of their own. */
  flushFigures(): void {
    placeHeld(this, () => true);
    while (this.floats.length > 0) {
      const fitting =
        this.floats[0]!.lines <= this.linesLeft ? this.floats[0]! : this.shrunk(this.floats[0]!);
      if (!fitting) {
        this.continuePage();
        continue;
      }
      this.floats.shift();
      this.placeFigure(fitting);
    }
  }

  private placeFigure(block: FigureBlock): void {
    const grid = this.grid;
    const size = grid.style.bodySize * CAPTION_RATIO;
    const top = grid.top - this.line * grid.lineHeight;
    const x = this.left + (grid.textWidth - block.width) / 2;
    this.page.ops.push({
      kind: 'image',
      file: block.file,
      x,
      y: top - block.height,
      width: block.width,
      height: block.height,
    });
    const captionWidth = grid.textWidth * 0.85;
    const captionX = this.left + (grid.textWidth - captionWidth) / 2;
    block.caption.forEach((line, i) => {
      const baseline = top - block.height - size * 0.8 - size * ASCENT - i * size * CAPTION_LEADING;
      const single = block.caption.length === 1;
      this.drawLine(line, {
        font: this.fonts.caption,
        size,
        width: captionWidth,
        x: captionX,
        baseline,
        align: single ? 'center' : 'justify',
      });
    });
    this.line += block.lines;
  }
}
