import { CAPTION_RATIO, type Flow, type PageRef, type SetFonts } from './layout';
import type { Book, BookArticle, BookSection, MatterText } from './book';
import { headingOf } from '../model';
import { holdHeading } from './headingFlow';
import { articleFigures, placeFigures } from './figurePlacement';

/** 三号: article titles and the titles of 前言, 编委会, 目录. */
export const HEADING_SIZE = 16;

function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p.length > 0);
}

/** Sets the title block of an article or of 前言/后记 at the top of a fresh page. */
export function setTitleBlock(flow: Flow, fonts: SetFonts, title: string, byline: string): void {
  const grid = flow.grid;
  const body = grid.style.bodySize;
  flow.skip(2);
  const width = grid.textWidth - body * 4;
  const lines = flow.balancedLines(title, fonts.heading, HEADING_SIZE, width);
  const leading = HEADING_SIZE * 1.5;
  const first = grid.baseline(flow.line, HEADING_SIZE);
  lines.forEach((line, i) =>
    flow.drawLine(line, {
      font: fonts.heading,
      size: HEADING_SIZE,
      align: 'center',
      width,
      x: flow.left + body * 2,
      baseline: first - i * leading,
    }),
  );
  flow.skip(Math.ceil((lines.length * leading) / grid.lineHeight));
  if (byline) {
    flow.centered(byline, fonts.caption, body);
    flow.skip(1);
  }
  flow.skip(1);
}

/** Running text and the 小标题 marked in it (`# ` … `### `, see model/headings). */
function setBody(flow: Flow, fonts: SetFonts, text: string): void {
  const body = flow.grid.style.bodySize;
  for (const paragraph of paragraphsOf(text)) {
    const heading = headingOf(paragraph);
    if (heading) holdHeading(flow, fonts, heading.level, heading.text);
    else flow.paragraph(paragraph, { font: fonts.body, size: body, indent: body * 2 });
  }
}

export function setArticle(
  flow: Flow,
  fonts: SetFonts,
  book: Book,
  section: BookSection,
  article: BookArticle,
  sizes: Map<string, { width: number; height: number }>,
): PageRef {
  const body = flow.grid.style.bodySize;
  flow.openPage({ recto: book.recto });
  const start = flow.here();
  flow.setRunningHead({ verso: book.title, recto: section.title || article.title });
  setTitleBlock(flow, fonts, article.title, article.byline);
  if (article.editorNote) {
    flow.paragraph(`编者按：${article.editorNote}`, {
      font: fonts.caption,
      size: body * CAPTION_RATIO,
      indent: body * 2 * CAPTION_RATIO,
    });
    flow.skip(1);
  }
  const paragraphs = paragraphsOf(article.text);
  // Figures follow the paragraph their anchor names (figurePlacement).
  const figures = articleFigures(flow, article, paragraphs, sizes);
  placeFigures(flow, article, figures.get(0), sizes);
  paragraphs.forEach((paragraph, i) => {
    setBody(flow, fonts, paragraph);
    placeFigures(flow, article, figures.get(i + 1), sizes);
  });
  flow.figures.flush();
  return start;
}

export function setMatter(
  flow: Flow,
  fonts: SetFonts,
  book: Book,
  matter: MatterText,
  recto: boolean,
): PageRef {
  flow.openPage({ recto });
  const start = flow.here();
  flow.setRunningHead({ verso: book.title, recto: matter.title });
  setTitleBlock(flow, fonts, matter.title, '');
  setBody(flow, fonts, matter.text);
  return start;
}
