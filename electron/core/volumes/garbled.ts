// 乱码 left in the articles of a volume, found before the volume is compiled.
import type { Book } from '../compile/book';
import { detectMojibake, type MojibakeRun } from '../text';
import { openGarbled, undecidedRuns, type Item, type Volume } from '../model';
import type { ItemSource } from './resolveBook';

export type GarbledMode = 'stop' | 'asIs' | 'mark';
/** What `mark` prints in place of each garbled run: visible, so a reader knows text is missing. */
export const GARBLED_MARK = '□';

export interface GarbledArticle {
  itemId: string;
  title: string;
  /** The garbled runs, as they stand in the text the article prints. */
  runs: string[];
  section: number;
  article: number;
  /** In offsets of the printed text. */
  spans: MojibakeRun[];
}

/**
 * The garbled runs an article would print and no one has resolved: the same rule as the review
 * queue. For the item's own text these are its open flags (neither 已核实 nor 忽略); a text the
 * volume edited is checked afresh, and the item's decisions apply to it too, being kept by the
 * run and its context rather than by offset.
 */
function runsOf(printed: string, item: Item): MojibakeRun[] {
  if (printed !== item.text) return undecidedRuns(printed, detectMojibake(printed), item.mojibakeDecisions);
  return openGarbled(item);
}

/** Articles of the volume that would print garbled text, in the volume's order. */
export function garbledArticles(volume: Volume, source: ItemSource): GarbledArticle[] {
  const found: GarbledArticle[] = [];
  volume.sections.forEach((section, s) =>
    section.articles.forEach((entry, a) => {
      const item = source.get(entry.itemId);
      if (!item) return;
      const printed = entry.text ?? (item.text || item.abstract);
      const spans = runsOf(printed, item);
      if (spans.length > 0)
        found.push({
          itemId: item.id,
          title: entry.title ?? item.title,
          runs: spans.map((r) => r.text),
          section: s,
          article: a,
          spans,
        });
    }),
  );
  return found;
}

/** The book with a visible 「□」 printed in place of each garbled run. */
export function markGarbled(book: Book, garbled: GarbledArticle[]): Book {
  const sections = book.sections.map((section, s) => ({
    ...section,
    articles: section.articles.map((article, a) => {
      const found = garbled.find((g) => g.section === s && g.article === a);
      if (!found) return article;
      let text = '';
      let at = 0;
      for (const span of [...found.spans].sort((x, y) => x.start - y.start)) {
        text += article.text.slice(at, span.start) + GARBLED_MARK;
        at = span.end;
      }
      return { ...article, text: text + article.text.slice(at) };
    }),
  }));
  return { ...book, sections };
}
