import { PDFDocument, type PDFImage } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import * as OpenCC from 'opencc-js';
import { countChars } from '../text';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { pageStyleFrom } from './pageStyle';
import { TypesetFont } from './fonts';
import { splitToUnicodeMaps } from './toUnicode';
import { imageSize, prepareImage } from './images';
import { toChineseNumeral, toRoman } from './numerals';
import { CAPTION_RATIO, Flow, Grid, type LaidPage, type PageRef, type SetFonts, type TextOp } from './layout';
import { imageKey, renderPages, writeOutline, writePageLabels, type OutlineEntry } from './render';
import { COPYRIGHT_TEXT, setCopyrightPage } from './copyrightPage';
import { INDEX_TEXT, setIndex } from './bookIndex';
import { cropMarkSource, markPdfX4, setPageBoxes, sheetGeometry } from './printReady';
import type { Book, BookArticle, BookSection, MatterText } from './book';

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

export interface CompileReport {
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

const HEADING_SIZE = 16; // 三号
const SECTION_SIZE = 22; // 二号
const TITLE_SIZE = 26; // 一号
const FOLIO_SIZE = 9; // 小五

function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p.length > 0);
}

/** A short line without closing punctuation (一、起步 / 第二章 …) is a heading inside an article. */
function isSubheading(paragraph: string): boolean {
  return [...paragraph].length <= 24 && !/[。！？；：，、…」』”）.!?;:,]$/.test(paragraph);
}

/** Converts every string of the book to one script, counting the characters that changed. */
function convertScript(book: Book): { book: Book; changed: number } {
  if (book.script === 'keep') return { book, changed: 0 };
  const convert =
    book.script === 'simplified'
      ? OpenCC.Converter({ from: 't', to: 'cn' })
      : OpenCC.Converter({ from: 'cn', to: 't' });
  let changed = 0;
  const c = (text: string) => {
    const out = convert(text);
    if (out !== text) {
      const a = [...text];
      const b = [...out];
      for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) changed++;
    }
    return out;
  };
  const matter = (m?: MatterText) => m && { title: c(m.title), text: c(m.text) };
  const converted: Book = {
    ...book,
    title: c(book.title),
    subtitle: c(book.subtitle),
    compiler: c(book.compiler),
    board: book.board.map((b) => ({ role: c(b.role), names: b.names.map(c) })),
    imprint: book.imprint.map(c),
    ...(book.copyright && {
      copyright: {
        ...book.copyright,
        publisher: c(book.copyright.publisher),
        printer: c(book.copyright.printer),
        edition: c(book.copyright.edition),
        impression: c(book.copyright.impression),
        cip: book.copyright.cip.map(c),
      },
    }),
    preface: matter(book.preface),
    afterword: matter(book.afterword),
    keywords: book.keywords.map(c),
    ...(book.indexTerms && {
      indexTerms: { people: book.indexTerms.people.map(c), places: book.indexTerms.places.map(c) },
    }),
    sections: book.sections.map((s) => ({
      title: c(s.title),
      articles: s.articles.map((a) => ({
        ...a,
        title: c(a.title),
        byline: c(a.byline),
        editorNote: c(a.editorNote),
        text: c(a.text),
        people: a.people.map(c),
        places: a.places.map(c),
        figures: a.figures.map((f) => ({ ...f, caption: c(f.caption) })),
      })),
    })),
  };
  return { book: converted, changed };
}

const FIXED_TEXT = `目录编委会前言后记${INDEX_TEXT}${COPYRIGHT_TEXT}ivxlcdm…·`;

function allText(book: Book): string {
  const c = book.copyright;
  const parts = [book.title, book.subtitle, book.compiler, ...book.imprint, ...book.keywords, FIXED_TEXT];
  if (c) parts.push(c.publisher, c.printer, c.edition, c.impression, c.isbn, ...c.cip);
  for (const b of book.board) parts.push(b.role, ...b.names);
  for (const m of [book.preface, book.afterword]) if (m) parts.push(m.title, m.text);
  for (const s of book.sections) {
    parts.push(s.title);
    for (const a of s.articles)
      parts.push(
        a.title,
        a.byline,
        a.editorNote,
        a.text,
        ...a.people,
        ...a.places,
        ...a.figures.map((f) => f.caption),
      );
  }
  return parts.join('');
}

function findMissing(book: Book, fonts: SetFonts) {
  const missing = new Map<string, Set<string>>();
  const note = (text: string, where: string, font: TypesetFont) => {
    for (const ch of text) {
      if (/\s/u.test(ch) || font.has(ch)) continue;
      if (!missing.has(ch)) missing.set(ch, new Set());
      missing.get(ch)!.add(where);
    }
  };
  note(book.title, book.title, fonts.title);
  for (const m of [book.preface, book.afterword])
    if (m) {
      note(m.title, m.title, fonts.heading);
      note(m.text, m.title, fonts.body);
    }
  for (const section of book.sections) {
    note(section.title, section.title, fonts.heading);
    for (const a of section.articles) {
      note(a.title, a.title, fonts.heading);
      note(a.byline + a.text, a.title, fonts.body);
      note(a.editorNote + a.figures.map((f) => f.caption).join(''), a.title, fonts.caption);
    }
  }
  return [...missing].map(([char, articles]) => ({ char, articles: [...articles] }));
}

interface Placed {
  title: string;
  ref: PageRef;
  children: Placed[];
  /** Shown in the TOC (the TOC itself is not). */
  toc: boolean;
}

/** Sets the title block of an article or of 前言/后记 at the top of a fresh page. */
function setTitleBlock(flow: Flow, fonts: SetFonts, title: string, byline: string): void {
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

function setBody(flow: Flow, fonts: SetFonts, text: string): void {
  const body = flow.grid.style.bodySize;
  for (const paragraph of paragraphsOf(text)) {
    if (isSubheading(paragraph)) flow.subheading(paragraph, fonts.heading, body);
    else flow.paragraph(paragraph, { font: fonts.body, size: body, indent: body * 2 });
  }
}

function setArticle(
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
  const figures = article.figures.filter((f) => sizes.has(f.path));
  // Figures are spread evenly through the text: figure k follows paragraph ⌊(k+1)·P/(F+1)⌋.
  const after = new Map<number, typeof figures>();
  figures.forEach((figure, k) => {
    const at = Math.max(0, Math.floor(((k + 1) * paragraphs.length) / (figures.length + 1)) - 1);
    after.set(at, [...(after.get(at) ?? []), figure]);
  });
  paragraphs.forEach((paragraph, i) => {
    setBody(flow, fonts, paragraph);
    for (const figure of after.get(i) ?? [])
      flow.figure(flow.figureBlock(figure.path, sizes.get(figure.path)!, figure.caption, figure.width));
  });
  if (paragraphs.length === 0)
    for (const figure of figures)
      flow.figure(flow.figureBlock(figure.path, sizes.get(figure.path)!, figure.caption, figure.width));
  flow.flushFigures();
  return start;
}

function setMatter(flow: Flow, fonts: SetFonts, book: Book, matter: MatterText, recto: boolean): PageRef {
  flow.openPage({ recto });
  const start = flow.here();
  flow.setRunningHead({ verso: book.title, recto: matter.title });
  setTitleBlock(flow, fonts, matter.title, '');
  setBody(flow, fonts, matter.text);
  return start;
}

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
      const ref = setArticle(bodyFlow, fonts, book, section, article, sizes);
      parent.push({ title: article.title, ref, children: [], toc: true });
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
  for (const entry of entries) {
    setTocEntry(front, fonts, entry, 0, label(entry.ref));
    for (const child of entry.children) setTocEntry(front, fonts, child, 1, label(child.ref));
  }
  front.padToEven();
  return tocRef;
}

/** The placed images, downsampled to print resolution for the size they are placed at. */
async function embedImages(doc: PDFDocument, laid: Laid, options: CompileOptions) {
  const placements = new Map<string, { file: string; width: number; height: number }>();
  for (const { page } of laid)
    for (const op of page.ops)
      if (op.kind === 'image') placements.set(imageKey(op.file, op.width, op.height), op);
  // sharp works on its own threads: a few images at once keep both cores of a laptop busy.
  const queue = [...placements];
  const prepared = new Map<string, Uint8Array>();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        throwIfCancelled(options.signal);
        const [key, op] = next;
        prepared.set(key, await prepareImage(op.file, op.width, op.height));
        options.onProgress?.({ phase: 'images', done: prepared.size, total: placements.size });
      }
    }),
  );
  // Embedded in placement order, so the same volume gives the same bytes.
  const images = new Map<string, PDFImage>();
  for (const key of placements.keys()) images.set(key, await doc.embedJpg(prepared.get(key)!));
  return images;
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
  const characters = articles.reduce((n, a) => n + countChars(a.title + a.text), 0);
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
  const images = await embedImages(doc, laid, options);

  options.onProgress?.({ phase: 'render', done: 0, total: laid.length });
  const pdfx = book.print?.pdfx ?? false;
  const geometry = sheetGeometry(style.width, style.height, pdfx, pdfx && (book.print?.cropMarks ?? false));
  const pdfPages = renderPages({
    doc,
    pages: laid,
    images,
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
  splitToUnicodeMaps(doc);
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
    },
  };
}
