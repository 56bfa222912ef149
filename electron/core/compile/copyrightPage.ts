import { CAPTION_RATIO, Flow, type Grid, type LaidPage, type SetFonts } from './layout';
import type { PageSizeName } from './pageStyle';
import type { Book } from './book';

/**
 * The full sheet each trim is cut from and how many pages a side it gives (开数): 版本记录 state
 * the 开本 as the sheet and the fraction, 787 mm × 1092 mm 1/16, and 印张 count in these parts.
 */
export const SHEETS: Record<PageSizeName, { sheet: string; parts: number }> = {
  '16k': { sheet: '787 mm × 1092 mm', parts: 16 },
  'large-16k': { sheet: '889 mm × 1194 mm', parts: 16 },
  a4: { sheet: '880 mm × 1230 mm', parts: 16 },
  a5: { sheet: '880 mm × 1230 mm', parts: 32 },
  '32k': { sheet: '787 mm × 1092 mm', parts: 32 },
};

/** What the page layout gives the 版本记录: the book's page count and its text grid. */
export interface BookMeasure {
  pages: number;
  perLine: number;
  linesPerPage: number;
}

/** 印张 = pages ÷ 开数 (320 pages at 16开 are 20 印张), written without trailing zeros. */
export function printedSheets(pages: number, parts: number): string {
  return String(Math.round((pages / parts) * 1000) / 1000);
}

/**
 * 字数 as 版权页 give it, in 千字: the publishing convention counts the type area, not the
 * characters set — characters a line × lines a page × every page of the book, blanks included.
 */
export function layoutThousands(measure: BookMeasure): number {
  return Math.max(1, Math.round((measure.perLine * measure.linesPerPage * measure.pages) / 1000));
}

// The title page names the compiler with the kind of work (「许昌市政协文史资料委员会 编」); the
// 版权页's label 编者 already says it, so the word is not printed twice.
const RESPONSIBILITY = /\s*(?:编著|编纂|主编|合编|编)$/;

// Lines the editors may have typed among the free lines: the computed ones replace them.
const COMPUTED = /^\s*(开\s*本|印\s*张|字\s*数)\s*[：:]/;

/** The 版本记录 lines in the order of GB/T 12450: 书名, 编者, 出版, 印制, 开本, 印张, 字数, 版次, 印次, 书号. */
export function copyrightLines(book: Book, measure: BookMeasure): string[] {
  const c = book.copyright;
  const sheet = SHEETS[book.style.size];
  const title = book.subtitle ? `${book.title}：${book.subtitle}` : book.title;
  const field = (label: string, value: string | undefined) => (value ? [`${label}：${value}`] : []);
  return [
    ...field('书名', title),
    ...field('编者', book.compiler.replace(RESPONSIBILITY, '') || book.compiler),
    ...field('出版', c?.publisher),
    ...field('印制', c?.printer),
    `开本：${sheet.sheet}\u30001/${sheet.parts}`,
    `印张：${printedSheets(measure.pages, sheet.parts)}`,
    `字数：${layoutThousands(measure)} 千字`,
    ...field('版次', c?.edition),
    ...field('印次', c?.impression),
    ...field('书号', c?.isbn),
    ...book.imprint.filter((line) => !COMPUTED.test(line)),
  ];
}

/** Characters the 版权页 prints besides the book's own text, for the font subsets. */
export const COPYRIGHT_TEXT =
  '书名编者出版印制开本印张字数千字版次印次书号图在编目（CIP）数据：mm×/.0123456789';

/**
 * Sets the 版权页 on the title page's verso: the CIP block (when given) at the top, the
 * 版本记录 at the foot. Set last, once the page count it states is known.
 */
export function setCopyrightPage(
  page: LaidPage,
  book: Book,
  grid: Grid,
  fonts: SetFonts,
  measure: BookMeasure,
): void {
  const flow = new Flow('front', grid, fonts);
  // A flow's side is its page index's parity: the 版权页 is the second page, a verso.
  flow.openPage();
  flow.openPage({ folio: false });
  const size = grid.style.bodySize * CAPTION_RATIO;
  const cip = book.copyright?.cip.filter((line) => line.trim()) ?? [];
  if (cip.length > 0) {
    flow.paragraph('图书在版编目（CIP）数据', { font: fonts.heading, size, align: 'left' });
    for (const line of cip) flow.paragraph(line, { font: fonts.caption, size, align: 'left' });
  }
  const lines = copyrightLines(book, measure).flatMap((line) =>
    flow.lines(line, fonts.caption, size, grid.textWidth),
  );
  flow.line = Math.max(flow.line + 1, grid.linesPerPage - lines.length);
  for (const line of lines) {
    if (flow.line >= grid.linesPerPage) break;
    flow.drawLine(line, { font: fonts.caption, size, align: 'left' });
    flow.skip(1);
  }
  page.ops.push(...flow.page.ops);
}
