import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { countChars } from '../text';
import { unmarkedText } from '../model';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { pageStyleFrom } from './pageStyle';
import { TypesetFont } from './fonts';
import { splitToUnicodeMaps, type FontNumbering } from './toUnicode';
import { imageSize, startImages } from './images';
import { toChineseNumeral, toRoman } from './numerals';
import { Flow, Grid, type LaidPage, type PageRef, type SetFonts, type TextOp } from './layout';
import {
  imageKey,
  packPageObjects,
  renderPages,
  writeOutline,
  writePageLabels,
  type OutlineEntry,
} from './render';
import { setCopyrightPage } from './copyrightPage';
import { setIndex } from './bookIndex';
import { cropMarkSource, markPdfX4, setPageBoxes, sheetGeometry } from './printReady';
import type { Book, BookArticle } from './book';
import { HEADING_SIZE, setArticle, setMatter, setTitleBlock } from './articleFlow';
import { allText, convertScript, findMissing } from './bookText';
import { headingTree, withoutTitleRepeat, type Placed } from './contents';
import { figureWarnings, type FigureWarnings } from './figureReport';

export interface CompileFonts {
  /** Serif TrueType for body text. */
  body: string;
  /** Bold TrueType for headings (a sans face reads as 黑体). */
  heading: string;
  /** TrueType for captions, running heads and notes. */
  caption: string;
  /** Bold serif for the title page. */
  title: string;
}

export interface CompileOptions extends JobContext {
  book: Book;
  fonts: CompileFonts;
  /** Fixed dates make the output byte-for-byte reproducible. */
  date?: Date;
}

interface CompileReportBase {
  pages: number;
  articles: number;
  figures: number;
  /** Characters of the articles, counted the Chinese way (no spaces). */
  characters: number;
  /** Characters no font has, with the articles they occur in: printed as blank boxes, never dropped silently. */
  missingGlyphs: { char: string; articles: string[] }[];
  /** Images that could not be read, by article: left out of the PDF. */
  missingImages: { file: string; article: string }[];
  /** The script conversion applied and how many characters it changed. */
  script: { mode: Book['script']; changed: number };
}
export type CompileReport = CompileReportBase & FigureWarnings;

const SECTION_SIZE = 22; // 二号
const TITLE_SIZE = 26; // 一号
const FOLIO_SIZE = 9; // 小五

/** One TOC line or more: title, dot leaders, the printed page number; each line links to the page. */
function setTocEntry(flow: Flow, fonts: SetFonts, entry: Placed, level: number, label: string): void {
  const grid = flow.grid;
  const body = grid.style.bodySize;
  const font = level === 0 ? fonts.heading : fonts.body;
  const indent = level * body * 2;
  const numberWidth = body * 3;
  const available = grid.textWidth - indent - numberWidth - body;
  const lines = flow.lines(entry.title, font, body, available);
  if (lines.length > 1 && flow.linesLeft < 2) flow.continuePage();
  lines.forEach((line, i) => {
    if (flow.linesLeft < 1) flow.continuePage();
    const x = flow.left + indent;
    const y = grid.baseline(flow.line, body);
    flow.drawLine(line, { font, size: body, x, width: available, align: 'left' });
    if (i === lines.length - 1) {
      const labelWidth = fonts.body.width(label, body);
      const right = flow.left + grid.textWidth;
      const dot = fonts.body.width('…', body);
      const from = x + line.width + body * 0.5;
      const count = Math.floor((right - labelWidth - body * 0.5 - from) / dot);
      if (count > 0)
        flow.text({
          font: fonts.body,
          size: body,
          x: right - labelWidth - body * 0.5 - count * dot,
          y,
          text: '…'.repeat(count),
        });
      flow.text({ font: fonts.body, size: body, x: right - labelWidth, y, text: label });
    }
    flow.page.ops.push({
      kind: 'link',
      rect: [x, y - body * 0.25, flow.left + grid.textWidth, y + body * 0.9],
      target: entry.ref,
    });
    flow.skip(1);
  });
}

type PageStyle = ReturnType<typeof pageStyleFrom>;
type Laid = { page: LaidPage; ref: PageRef }[];

async function embedFonts(doc: PDFDocument, files: CompileFonts, chars: string): Promise<SetFonts> {
  return {
    body: await TypesetFont.embed(doc, files.body, chars),
    heading: await TypesetFont.embed(doc, files.heading, chars),
    caption: await TypesetFont.embed(doc, files.caption, chars),
    title: await TypesetFont.embed(doc, files.title, chars),
  };
}

/** Each figure's pixel size, read once; a figure that cannot be read is reported and left out. */
async function measureFigures(articles: BookArticle[]) {
  const sizes = new Map<string, { width: number; height: number }>();
  const missingImages: CompileReport['missingImages'] = [];
  for (const article of articles)
    for (const figure of article.figures) {
      if (sizes.has(figure.path)) continue;
      try {
        sizes.set(figure.path, await imageSize(figure.path));
      } catch {
        missingImages.push({ file: figure.path, article: article.title });
      }
    }
  return { sizes, missingImages };
}

/** The body: sections and their articles, 后记 and the index, with the outline of where each starts. */
function setBodyMatter(
  book: Book,
  grid: Grid,
  fonts: SetFonts,
  sizes: Map<string, { width: number; height: number }>,
  options: CompileOptions,
) {
  const bodyFlow = new Flow('body', grid, fonts);
  const outline: Placed[] = [];
  const total = book.sections.reduce((n, s) => n + s.articles.length, 0);
  let done = 0;
  for (const section of book.sections) {
    let parent: Placed[] = outline;
    if (section.title) {
      // Parts (编) open on a right-hand page, a blank verso before them if need be.
      bodyFlow.openPage({ recto: true });
      bodyFlow.setRunningHead(undefined);
      bodyFlow.skip(Math.floor(grid.linesPerPage * 0.3));
      bodyFlow.centered(section.title, fonts.heading, SECTION_SIZE);
      const placed: Placed = { title: section.title, ref: bodyFlow.here(), children: [], toc: true };
      outline.push(placed);
      parent = placed.children;
    }
    for (const article of section.articles) {
      throwIfCancelled(options.signal);
      options.onProgress?.({ phase: 'compile', done, total, current: article.title });
      const from = bodyFlow.headings.length;
      const ref = setArticle(bodyFlow, fonts, book, section, withoutTitleRepeat(article), sizes);
      const headings = headingTree(bodyFlow.headings.slice(from), book.tocHeadings ?? false);
      parent.push({ title: article.title, ref, children: headings, toc: true, closed: headings.length > 0 });
      done++;
    }
  }
  if (book.afterword?.text.trim())
    outline.push({
      title: book.afterword.title,
      ref: setMatter(bodyFlow, fonts, book, book.afterword, true),
      children: [],
      toc: true,
    });
  const indexRef = book.index ? setIndex(bodyFlow, fonts, book) : null;
  if (indexRef) outline.push({ title: '索引', ref: indexRef, children: [], toc: true });
  if (bodyFlow.pages.length === 0) bodyFlow.openPage();
  return { bodyFlow, outline };
}

/** Front matter before the contents: title page, 版权页 (blank until the end), 编委会 and 前言. */
function setFrontMatter(book: Book, grid: Grid, fonts: SetFonts, style: PageStyle) {
  const front = new Flow('front', grid, fonts);
  const frontOutline: Placed[] = [];
  const body = style.bodySize;
  front.openPage({ folio: false });
  front.skip(Math.floor(grid.linesPerPage * 0.22));
  for (const line of front.balancedLines(book.title, fonts.title, TITLE_SIZE, grid.textWidth)) {
    front.drawLine(line, { font: fonts.title, size: TITLE_SIZE, align: 'center' });
    front.skip(2);
  }
  if (book.subtitle) {
    front.centered(book.subtitle, fonts.caption, HEADING_SIZE * 0.9);
    front.skip(2);
  }
  if (book.compiler) {
    front.line = Math.floor(grid.linesPerPage * 0.62);
    front.centered(book.compiler, fonts.body, HEADING_SIZE * 0.9);
  }
  // The 版权页 states the page count: it is set once the whole book is laid out.
  front.openPage({ folio: false });
  if (book.board.length > 0) {
    front.openPage({ recto: true });
    front.setRunningHead(undefined);
    setTitleBlock(front, fonts, '编委会', '');
    for (const member of book.board)
      front.paragraph(`${member.role}：${member.names.join('\u3000')}`, {
        font: fonts.body,
        size: body,
        align: 'left',
      });
  }
  if (book.preface?.text.trim())
    frontOutline.push({
      title: book.preface.title,
      ref: setMatter(front, fonts, book, book.preface, true),
      children: [],
      toc: true,
    });
  return { front, frontOutline };
}

/** The contents (目录) at the end of the front matter, each entry with its page label; where it starts. */
function setContents(
  front: Flow,
  fonts: SetFonts,
  entries: Placed[],
  label: (ref: PageRef) => string,
): PageRef {
  front.openPage({ recto: true });
  const tocRef = front.here();
  front.setRunningHead({ verso: '目录', recto: '目录' });
  setTitleBlock(front, fonts, '目\u3000录', '');
  const list = (level: Placed[], depth: number) => {
    for (const entry of level) {
      if (!entry.toc) continue;
      setTocEntry(front, fonts, entry, depth, label(entry.ref));
      list(entry.children, depth + 1);
    }
  };
  list(entries, 0);
  front.padToEven();
  return tocRef;
}

/** The placed images, each once, in placement order (so the same volume gives the same bytes). */
function placedImages(laid: Laid) {
  const placements = new Map<string, { file: string; width: number; height: number }>();
  for (const { page } of laid)
    for (const op of page.ops)
      if (op.kind === 'image') placements.set(imageKey(op.file, op.width, op.height), op);
  return placements;
}

/** Folios and running heads (with the rule under them) of each page. */
function pageFurniture(
  grid: Grid,
  style: PageStyle,
  fonts: SetFonts,
  frontCount: number,
  frontLabel: (n: number) => string,
) {
  const decorate = (page: LaidPage, index: number): TextOp[] => {
    const ops: TextOp[] = [];
    const left = grid.left(index % 2 === 0);
    if (page.folio) {
      const text = index < frontCount ? frontLabel(index + 1) : String(index - frontCount + 1);
      const width = fonts.caption.width(text, FOLIO_SIZE);
      ops.push({
        kind: 'text',
        font: fonts.caption,
        size: FOLIO_SIZE,
        spacing: 0,
        x: left + (grid.textWidth - width) / 2,
        y: style.marginBottom * 0.45,
        text,
      });
    }
    if (page.head) {
      const width = fonts.caption.width(page.head, FOLIO_SIZE);
      ops.push({
        kind: 'text',
        font: fonts.caption,
        size: FOLIO_SIZE,
        spacing: 0,
        x: left + (grid.textWidth - width) / 2,
        y: style.height - style.marginTop * 0.5,
        text: page.head,
      });
    }
    return ops;
  };
  const rules = (page: LaidPage, index: number) => {
    if (!page.head) return [];
    const left = grid.left(index % 2 === 0);
    return [
      { x1: left, x2: left + grid.textWidth, y: style.height - style.marginTop * 0.5 - FOLIO_SIZE * 0.45 },
    ];
  };
  return { decorate, rules };
}

const documentTitle = (book: Book) => (book.subtitle ? `${book.title}：${book.subtitle}` : book.title);
const authorOf = (book: Book) => book.compiler || book.board.flatMap((b) => b.names).join('、');

/** The PDF's document information: title, author, subject, keywords, language, dates. */
function writeDocumentInfo(doc: PDFDocument, book: Book, date: Date): void {
  doc.setTitle(documentTitle(book), { showInWindowTitleBar: true });
  const author = authorOf(book);
  if (author) doc.setAuthor(author);
  doc.setSubject(book.subtitle || book.title);
  if (book.keywords.length > 0) doc.setKeywords(book.keywords);
  doc.setLanguage('zh-CN');
  doc.setCreator('文史典藏 Wenshi');
  doc.setProducer('文史典藏 Wenshi');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/**
 * Typesets a book: front matter (title page, 版权页, 编委会, 前言, 目录), sections of articles
 * each on a new page, 后记 and an index; running heads, folios, bookmarks, page labels, TOC
 * links. The body is set first so the TOC, set after it, knows every page number.
 */
export async function compileVolume(
  options: CompileOptions,
): Promise<{ pdf: Uint8Array; report: CompileReport }> {
  const { book, changed } = convertScript(options.book);
  const style = pageStyleFrom(book.style);
  const grid = new Grid(style);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // The distinct characters, once: each font's subset tag is derived from them.
  const fonts = await embedFonts(doc, options.fonts, [...new Set(allText(book))].sort().join(''));
  const articles = book.sections.flatMap((s) => s.articles);
  const total = articles.length;
  const { sizes, missingImages } = await measureFigures(articles);

  // Body first: its page numbers are what the TOC and the index print.
  const { bodyFlow, outline } = setBodyMatter(book, grid, fonts, sizes, options);
  const characters = articles.reduce((n, a) => n + countChars(a.title + unmarkedText(a.text)), 0);
  const { front, frontOutline } = setFrontMatter(book, grid, fonts, style);
  const frontLabel = (n: number) => (book.frontNumerals === 'chinese' ? toChineseNumeral(n) : toRoman(n));
  const label = (ref: PageRef) => (ref.flow === 'front' ? frontLabel(ref.index + 1) : String(ref.index + 1));
  const tocRef = setContents(front, fonts, [...frontOutline, ...outline], label);

  const frontCount = front.pages.length;
  // Closing blanks fill the last folded sheet (4 pages) or leaf (2); the front matter is even.
  const padTo = book.print?.padTo ?? 4;
  while ((frontCount + bodyFlow.pages.length) % padTo !== 0) bodyFlow.pages.push({ ops: [], folio: false });
  setCopyrightPage(front.pages[1]!, book, grid, fonts, {
    pages: frontCount + bodyFlow.pages.length,
    perLine: grid.perLine,
    linesPerPage: grid.linesPerPage,
  });
  const pageIndex = (ref: PageRef) => (ref.flow === 'front' ? ref.index : frontCount + ref.index);
  const laid: Laid = [
    ...front.pages.map((page, index) => ({ page, ref: { flow: 'front', index } as PageRef })),
    ...bodyFlow.pages.map((page, index) => ({ page, ref: { flow: 'body', index } as PageRef })),
  ];
  const pdfx = book.print?.pdfx ?? false;
  // JPEG encoding runs on sharp's threads while the pages are rendered and the fonts embedded.
  const images = startImages(doc, placedImages(laid), { ...options, progressive: !pdfx });

  options.onProgress?.({ phase: 'render', done: 0, total: laid.length });
  const geometry = sheetGeometry(style.width, style.height, pdfx, pdfx && (book.print?.cropMarks ?? false));
  const pdfPages = renderPages({
    doc,
    pages: laid,
    images: images.refs,
    ...pageFurniture(grid, style, fonts, frontCount, frontLabel),
    pageIndex,
    width: style.width,
    height: style.height,
    ...(pdfx && {
      sheet: {
        ...geometry,
        marks: book.print?.cropMarks ? cropMarkSource(style.width, style.height, geometry) : '',
        links: false,
      },
    }),
  });
  if (pdfx) for (const page of pdfPages) setPageBoxes(page, style.width, style.height, geometry);

  const toOutline = (entry: Placed): OutlineEntry => ({
    title: entry.title,
    page: pdfPages[pageIndex(entry.ref)]!.ref,
    ...(entry.top !== undefined && { top: entry.top + geometry.offset }),
    ...(entry.closed && { closed: true }),
    children: entry.children.map(toOutline),
  });
  writeOutline(doc, [
    ...frontOutline.map(toOutline),
    { title: '目录', page: pdfPages[pageIndex(tocRef)]!.ref, children: [] },
    ...outline.map(toOutline),
  ]);
  writePageLabels(doc, frontCount, (n) => (book.frontNumerals === 'chinese' ? toChineseNumeral(n) : null));
  const date = options.date ?? new Date();
  writeDocumentInfo(doc, book, date);
  if (pdfx) await markPdfX4(doc, { title: documentTitle(book), author: authorOf(book), date });

  await doc.flush();
  const numbered = new Map<string, FontNumbering>();
  for (const font of new Set(Object.values(fonts))) {
    const numbering = font.numbering;
    if (numbering) numbered.set(font.pdfFont.ref.toString(), numbering);
  }
  splitToUnicodeMaps(doc, numbered);
  packPageObjects(doc);
  await images.done;
  // pdf-lib yields to the event loop every `objectsPerTick` objects (50 by default): a
  // 1,000-page volume has some 10,000 objects, and the waits added up to a second.
  // Object streams (PDF 1.5) make the file smaller; qpdf, poppler and Ghostscript read them.
  const pdf = await doc.save({ useObjectStreams: true, objectsPerTick: 2000 });
  options.onProgress?.({ phase: 'compile', done: total, total });
  return {
    pdf,
    report: {
      pages: laid.length,
      articles: total,
      figures: laid.reduce((n, { page }) => n + page.ops.filter((op) => op.kind === 'image').length, 0),
      characters,
      missingGlyphs: findMissing(book, fonts),
      missingImages,
      script: { mode: book.script, changed },
      ...figureWarnings(laid, sizes, bodyFlow.figures.moved, label),
    },
  };
}
