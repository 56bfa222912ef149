import { resolveAnchor } from '../model/figures';
import type { BookArticle, BookFigure } from './book';
import type { Flow } from './layout';

export type PixelSizes = Map<string, { width: number; height: number }>;

/**
 * Which figures follow which paragraph: the key is the number of paragraphs before them (0: before
 * the first). Anchored figures go where their anchor finds its paragraph; figures without one
 * (volumes from before anchors) are spread evenly: figure k of F follows paragraph ⌊(k+1)·P/(F+1)⌋.
 */
export function planFigures(
  paragraphs: readonly string[],
  figures: readonly BookFigure[],
  moved: (figure: BookFigure) => void = () => {},
): Map<number, BookFigure[]> {
  const plan = new Map<number, BookFigure[]>();
  const loose = figures.filter((f) => f.after === undefined);
  const add = (at: number, figure: BookFigure) => plan.set(at, [...(plan.get(at) ?? []), figure]);
  for (const figure of figures) {
    if (figure.after !== undefined) {
      const resolved = resolveAnchor(paragraphs, { after: figure.after, quote: figure.quote });
      if (resolved.lost) moved(figure);
      add(resolved.after, figure);
    } else {
      const k = loose.indexOf(figure);
      add(
        Math.min(
          paragraphs.length,
          Math.max(1, Math.floor(((k + 1) * paragraphs.length) / (loose.length + 1))),
        ),
        figure,
      );
    }
  }
  return plan;
}

/** The figures of an article that can be printed, planned against its paragraphs; lost anchors are noted on the flow. */
export function articleFigures(
  flow: Flow,
  article: BookArticle,
  paragraphs: readonly string[],
  sizes: PixelSizes,
): Map<number, BookFigure[]> {
  const printable = article.figures.filter((f) => sizes.has(f.path));
  return planFigures(paragraphs, printable, (figure) =>
    flow.figures.moved.push({ article: article.title, name: figure.name ?? figure.path }),
  );
}

/** Places figures at the current point of the article's text, in the order the volume lists them. */
export function placeFigures(
  flow: Flow,
  article: BookArticle,
  figures: readonly BookFigure[] | undefined,
  sizes: PixelSizes,
): void {
  flow.figures.settle();
  for (const figure of figures ?? [])
    flow.figures.place(
      flow.figures.block({
        file: figure.path,
        pixels: sizes.get(figure.path)!,
        caption: figure.caption,
        share: figure.width,
        half: figure.layout === 'half',
        source: { article: article.title, name: figure.name ?? figure.path },
      }),
    );
}
