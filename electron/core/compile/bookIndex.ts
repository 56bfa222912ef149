import { foldText } from '../text';
import { CAPTION_RATIO, type Flow, type LaidPage, type PageRef, type SetFonts } from './layout';
import type { Book } from './book';

/** The text printed on a page (running heads and folios are not part of it), whitespace removed. */
export function pageText(page: LaidPage): string {
  let text = '';
  for (const op of page.ops) if (op.kind === 'text') text += op.text;
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * For each name, the pages (1-based, in `pages`' numbering) whose text contains it, simplified
 * and traditional alike. Names are found by their first two characters, so a thousand names cost
 * one pass over the text rather than a thousand.
 */
export function findOnPages(pages: LaidPage[], names: string[]): Map<string, number[]> {
  const byStart = new Map<string, { name: string; folded: string }[]>();
  for (const name of new Set(names)) {
    const folded = foldText(name.replace(/[\s\u3000]+/g, ''));
    // A single character would be found inside every other word.
    if ([...folded].length < 2) continue;
    const key = folded.slice(0, 2);
    if (!byStart.has(key)) byStart.set(key, []);
    byStart.get(key)!.push({ name, folded });
  }
  const found = new Map<string, number[]>();
  pages.forEach((page, index) => {
    const text = foldText(pageText(page));
    const here = new Set<string>();
    for (let i = 0; i < text.length - 1; i++)
      for (const candidate of byStart.get(text.slice(i, i + 2)) ?? [])
        if (text.startsWith(candidate.folded, i)) here.add(candidate.name);
    for (const name of here) {
      if (!found.has(name)) found.set(name, []);
      found.get(name)!.push(index + 1);
    }
  });
  return found;
}

/** Page numbers as an index prints them: runs of consecutive pages as ranges, 12–14，27. */
export function pageRanges(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join('，');
}

/** The names the index looks for: the vocabulary's and those of the articles' own people and places. */
export function indexNames(book: Book): { people: string[]; places: string[] } {
  const articles = book.sections.flatMap((s) => s.articles);
  return {
    people: [...(book.indexTerms?.people ?? []), ...articles.flatMap((a) => a.people)],
    places: [...(book.indexTerms?.places ?? []), ...articles.flatMap((a) => a.places)],
  };
}

/** Characters the index prints besides the names, for the font subsets. */
export const INDEX_TEXT = '人名索引地名索引–，0123456789';

/**
 * 人名索引 and 地名索引 in two columns on a new right-hand page: each name with every page of
 * the body before the index whose text holds it. Names the text never prints are left out.
 */
export function setIndex(flow: Flow, fonts: SetFonts, book: Book): PageRef | null {
  const names = indexNames(book);
  const body = flow.pages.slice();
  const groups = (
    [
      ['人名索引', findOnPages(body, names.people)],
      ['地名索引', findOnPages(body, names.places)],
    ] as const
  ).filter(([, found]) => found.size > 0);
  if (groups.length === 0) return null;
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const size = flow.grid.style.bodySize;
  flow.openPage({ recto: true });
  const start = flow.here();
  flow.setRunningHead({ verso: book.title, recto: '索引' });
  for (const [heading, found] of groups) {
    flow.subheading(heading, fonts.heading, size * 1.15);
    flow.skip(1);
    const entries = [...found.keys()]
      .sort(collator.compare)
      .map((name) => `${name}\u3000${pageRanges(found.get(name)!)}`);
    setColumns(flow, fonts, entries);
  }
  return start;
}

/** Entries in two columns, filling the left one down the page first: entries are short. */
function setColumns(flow: Flow, fonts: SetFonts, entries: string[]): void {
  const size = flow.grid.style.bodySize * CAPTION_RATIO;
  const gap = flow.grid.style.bodySize * 2;
  const columnWidth = (flow.grid.textWidth - gap) / 2;
  const lines = entries.flatMap((entry) => flow.lines(entry, fonts.body, size, columnWidth));
  let column = 0;
  let top = flow.line;
  for (const line of lines) {
    if (flow.line >= flow.grid.linesPerPage) {
      if (column === 0) {
        column = 1;
        flow.line = top;
      } else {
        flow.continuePage();
        column = 0;
        top = 0;
      }
    }
    flow.drawLine(line, {
      font: fonts.body,
      size,
      align: 'left',
      width: columnWidth,
      x: flow.left + column * (columnWidth + gap),
    });
    flow.skip(1);
  }
  if (column === 1) flow.line = flow.grid.linesPerPage;
}
