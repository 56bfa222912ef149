import type { MovedFigure } from './figureLayout';
import type { LaidPage, PageRef } from './layout';

/** Below this a photo prints soft: the resolution print shops ask for at the printed size. */
export const MIN_PRINT_DPI = 300;

export interface FigureWarnings {
  /** Figures with fewer than 300 pixels an inch at the size they are printed, with the page they are on. */
  lowResolution: { article: string; file: string; dpi: number; page: string }[];
  /** Figures whose anchor paragraph is no longer in the text: placed by their paragraph count. */
  movedFigures: { article: string; file: string }[];
}

/**
 * What the editor should look at in the placed figures: each one's effective resolution (its
 * pixels over the inches it is printed at; the smaller of width and height, which agree unless
 * rounding differs) and the ones whose place in the text had to be guessed.
 */
export function figureWarnings(
  laid: { page: LaidPage; ref: PageRef }[],
  sizes: Map<string, { width: number; height: number }>,
  moved: MovedFigure[],
  label: (ref: PageRef) => string,
): FigureWarnings {
  const lowResolution: FigureWarnings['lowResolution'] = [];
  for (const { page, ref } of laid)
    for (const op of page.ops) {
      if (op.kind !== 'image' || !op.source) continue;
      const pixels = sizes.get(op.file);
      if (!pixels) continue;
      const dpi = Math.min(pixels.width / (op.width / 72), pixels.height / (op.height / 72));
      if (dpi < MIN_PRINT_DPI - 0.5)
        lowResolution.push({
          article: op.source.article,
          file: op.source.name,
          dpi: Math.round(dpi),
          page: label(ref),
        });
    }
  return { lowResolution, movedFigures: moved.map((m) => ({ article: m.article, file: m.name })) };
}
