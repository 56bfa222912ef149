import { titleRepeatLine } from '../model';
import type { BookArticle } from './book';
import type { PlacedHeading } from './headingFlow';
import type { PageRef } from './layout';

/** An entry of the outline and, when `toc`, of the 目录. */
export interface Placed {
  title: string;
  ref: PageRef;
  children: Placed[];
  /** Shown in the TOC (the TOC itself is not). */
  toc: boolean;
  /** Where on the page it starts (a 小标题): the bookmark opens there rather than at the page top. */
  top?: number;
  /** Its bookmark starts closed (an article with 小标题 under it). */
  closed?: boolean;
}

/**
 * An article's 小标题 as a tree under it: a level-2 heading under the level-1 heading before it,
 * a level 3 under the last level 2 (or whatever stands above it). The 目录 lists level 1 when
 * the volume asks for it; the outline always has all three.
 */
export function headingTree(headings: PlacedHeading[], tocLevelOne: boolean): Placed[] {
  const top: Placed[] = [];
  const open: (Placed | undefined)[] = [];
  for (const heading of headings) {
    const placed: Placed = {
      title: heading.text,
      ref: heading.ref,
      children: [],
      toc: tocLevelOne && heading.level === 1,
      top: heading.top,
    };
    const parent = open
      .slice(0, heading.level - 1)
      .reverse()
      .find((p) => p !== undefined);
    (parent ? parent.children : top).push(placed);
    open[heading.level - 1] = placed;
    open.length = heading.level;
  }
  return top;
}

/** The article as printed: a first paragraph that only repeats the title is left out. */
export function withoutTitleRepeat(article: BookArticle): BookArticle {
  const line = titleRepeatLine(article.title, article.text);
  if (line < 0) return article;
  const lines = article.text.split('\n');
  lines.splice(line, 1);
  return { ...article, text: lines.join('\n') };
}
