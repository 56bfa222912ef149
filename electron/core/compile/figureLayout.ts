import type { Line } from './lineBreak';
import type { Flow } from './layout';
import { placeHeld } from './headingFlow';

// The ideographic em box of Noto CJK rises 0.88 em above the baseline.
export const ASCENT = 0.88;
export const CAPTION_RATIO = 0.86;
const CAPTION_LEADING = 1.45;
/** Figure columns narrower than this many body characters are not worth the text beside them. */
const MIN_COLUMN_CHARS = 8;

/** Where a figure came from, for the compile report (its resolution, a lost anchor). */
export interface FigureSource {
  article: string;
  name: string;
}

/** A figure whose anchor paragraph is gone from the text: it stands where its count put it. */
export type MovedFigure = FigureSource;

/** A figure ready to be placed: its size on the page and its caption already broken into lines. */
export interface FigureBlock {
  file: string;
  pixels: { width: number; height: number };
  captionText: string;
  share: number;
  /** Half width at the right of the text block, the text running beside it. */
  half: boolean;
  /** The column the image and caption stand in (the text width for a full-width figure). */
  column: number;
  width: number;
  height: number;
  /** Caption lines, each centred under the image. */
  caption: Line[];
  /** Grid lines the image, caption and the space after take. */
  lines: number;
  source?: FigureSource;
}

export interface FigureRequest {
  file: string;
  pixels: { width: number; height: number };
  caption: string;
  share: number;
  half?: boolean;
  source?: FigureSource;
}

/**
 * The figures of one flow. A figure goes where it is called if it fits (a little smaller if need
 * be); else it floats to the top of the next page while the text runs on, so no gap is left.
 * Image and caption are one block: they are never parted. A half-width figure stands at the
 * right of the text block, so the lines beside it keep their usual start and 2-em indent and only
 * end earlier, on whole characters, keeping the grid.
 */
export class FigurePlacer {
  private readonly floats: FigureBlock[] = [];
  /** Full-width figures called while the text still runs beside a half-width one: placed once it has passed. */
  private readonly waiting: FigureBlock[] = [];
  /** Figures whose anchor was not found in the text (see model/figures resolveAnchor). */
  readonly moved: MovedFigure[] = [];

  constructor(private readonly flow: Flow) {}

  /** Lays out a figure block: image scaled into its column, caption lines below it. */
  block(request: FigureRequest, maxHeight?: number): FigureBlock {
    const grid = this.flow.grid;
    const body = grid.style.bodySize;
    const size = body * CAPTION_RATIO;
    const half = request.half ?? false;
    const share = Math.min(half ? 0.6 : 1, Math.max(0.3, request.share));
    const column = half ? this.halfColumn(share) : grid.textWidth;
    const limit = maxHeight ?? grid.textHeight * (half ? 0.45 : 0.5);
    let width = half ? column : grid.textWidth * share;
    let height = (width * request.pixels.height) / request.pixels.width;
    if (height > limit) {
      width *= limit / height;
      height = limit;
    }
    const captionWidth = half ? column : grid.textWidth * 0.85;
    const parts = request.caption.split('\n').filter((part) => part.trim());
    // Balanced, so a caption never leaves a word or two alone on its last line (… 合影 / 影).
    const caption = parts.flatMap((part) =>
      this.flow.balancedLines(part, this.flow.fonts.caption, size, captionWidth),
    );
    const total = height + (caption.length > 0 ? size * 0.8 : 0) + caption.length * size * CAPTION_LEADING;
    // Full width: a blank line after the block. Beside the text: half a line is enough, the text
    // beside it already keeps a character's distance.
    const lines = half
      ? Math.ceil((total + body * 0.5) / grid.lineHeight)
      : Math.ceil(total / grid.lineHeight) + 1;
    return {
      file: request.file,
      pixels: request.pixels,
      captionText: request.caption,
      share,
      half,
      column,
      width,
      height,
      caption,
      lines,
      ...(request.source && { source: request.source }),
    };
  }

  /** Width of a half-width figure's column: the text beside it keeps whole characters and a character's gap. */
  private halfColumn(share: number): number {
    const grid = this.flow.grid;
    const body = grid.style.bodySize;
    const chars = Math.max(MIN_COLUMN_CHARS, Math.round(grid.perLine * share));
    return Math.min(chars, grid.perLine - MIN_COLUMN_CHARS - 1) * body;
  }

  /** Where a figure's top goes: below the text set so far and below a figure the text still runs beside. */
  private topLine(): number {
    return Math.max(this.flow.line, this.flow.besideUntil());
  }

  private fits(block: FigureBlock): boolean {
    return this.topLine() + block.lines <= this.flow.grid.linesPerPage;
  }

  /** The block shrunk to the lines left on this page, if it keeps at least 70% of its height. */
  private shrunk(block: FigureBlock): FigureBlock | null {
    const grid = this.flow.grid;
    const spare = block.lines * grid.lineHeight - block.height;
    const room = (grid.linesPerPage - this.topLine()) * grid.lineHeight - spare;
    if (room < block.height * 0.7) return null;
    const smaller = this.block(
      {
        file: block.file,
        pixels: block.pixels,
        caption: block.captionText,
        share: block.share,
        half: block.half,
        ...(block.source && { source: block.source }),
      },
      room - grid.lineHeight,
    );
    return this.fits(smaller) ? smaller : null;
  }

  /** Places a figure here if it fits (a little smaller if need be), else floats it to the next page. */
  place(block: FigureBlock): void {
    // Held 小标题 stay with the figure that follows them.
    placeHeld(this.flow, (room) => room >= Math.min(block.lines, this.flow.grid.linesPerPage - 1));
    // Placed now, it would leave the lines beside the half-width figure empty.
    if (!block.half && this.flow.line < this.flow.besideUntil()) {
      this.waiting.push(block);
      return;
    }
    const fitting = this.fits(block) ? block : this.shrunk(block);
    if (fitting) this.put(fitting);
    else this.floats.push(block);
  }

  /** Between paragraphs: full-width figures that waited for the text to pass a half-width one. */
  settle(): void {
    if (this.waiting.length > 0 && this.flow.line >= this.flow.besideUntil())
      for (const block of this.waiting.splice(0)) this.place(block);
  }

  /**
   * A new page of running text: the figures waiting for it go on top, as many as fit, full-width
   * ones first, so a half-width one below them has the text beside it rather than a gap.
   */
  pageStarted(): void {
    this.floats.push(...this.waiting.splice(0));
    for (const half of [false, true])
      while (this.floats.some((b) => b.half === half)) {
        const next = this.floats.find((b) => b.half === half)!;
        if (!this.fits(next)) break;
        this.floats.splice(this.floats.indexOf(next), 1);
        this.put(next);
      }
  }

  /** At an article's end the figures still waiting go below the text if they fit, else on a page of their own. */
  flush(): void {
    placeHeld(this.flow, () => true);
    this.flow.clearBeside();
    this.floats.push(...this.waiting.splice(0));
    while (this.floats.length > 0) {
      const fitting = this.fits(this.floats[0]!) ? this.floats[0]! : this.shrunk(this.floats[0]!);
      if (!fitting) {
        this.flow.continuePage();
        continue;
      }
      this.floats.shift();
      this.put(fitting);
      this.flow.clearBeside();
    }
  }

  private put(block: FigureBlock): void {
    const flow = this.flow;
    const grid = flow.grid;
    const body = grid.style.bodySize;
    const size = body * CAPTION_RATIO;
    const line = this.topLine();
    const top = grid.top - line * grid.lineHeight;
    const columnX = block.half ? flow.left + grid.textWidth - block.column : flow.left;
    const x = columnX + (block.column - block.width) / 2;
    flow.page.ops.push({
      kind: 'image',
      file: block.file,
      x,
      y: top - block.height,
      width: block.width,
      height: block.height,
      ...(block.source && { source: block.source }),
    });
    const captionWidth = block.half ? block.column : grid.textWidth * 0.85;
    const captionX = columnX + (block.column - captionWidth) / 2;
    block.caption.forEach((caption, i) => {
      const baseline = top - block.height - size * 0.8 - size * ASCENT - i * size * CAPTION_LEADING;
      flow.drawLine(caption, {
        font: flow.fonts.caption,
        size,
        width: captionWidth,
        x: captionX,
        baseline,
        align: 'center',
      });
    });
    if (block.half) flow.narrow(line, line + block.lines, grid.textWidth - block.column - body);
    else flow.line = line + block.lines;
  }
}
