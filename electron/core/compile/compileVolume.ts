import {
  PDFDocument,
  PDFPage,
  beginText,
  endText,
  setCharacterSpacing,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFName,
} from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { PERSON_ROLE_NAMES, normalizeRole, type Item, type PersonRole } from '../model';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { breakLines, toUnits, type Line } from './lineBreak';
import { DEFAULT_PAGE_STYLE, type PageStyle } from './pageStyle';
import { TypesetFont } from './fonts';
import { splitToUnicodeMaps } from './toUnicode';

export interface CompileFonts {
  /** TrueType file for body text. */
  body: string;
  /** TrueType file for headings. */
  heading: string;
}

export interface CompileOptions extends JobContext {
  title: string;
  items: Item[];
  fonts: CompileFonts;
  style?: PageStyle;
  /** Fixed dates make the output byte-for-byte reproducible. */
  date?: Date;
}

export interface CompileReport {
  pages: number;
  articles: number;
  /** Characters no font has, with the articles they occur in: printed as blanks boxes, never dropped silently. */
  missingGlyphs: { char: string; articles: string[] }[];
}

const HEADING_SIZE = 16; // 三号
const TITLE_SIZE = 26; // 一号
const FOLIO_SIZE = 9; // 小五

/** The byline, e.g. 口述 张三, 整理 李四 (joined by an ideographic space). */
export function bylineOf(item: Item): string {
  return item.people
    .map((p) => ({ name: p.name, label: PERSON_ROLE_NAMES[normalizeRole(p.role) as PersonRole]?.byline }))
    .filter((p) => p.label)
    .map((p) => `${p.label} ${p.name}`)
    .join('\u3000');
}

function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p.length > 0);
}

/** Pages, the cursor, and drawing of justified lines. */
class Typesetter {
  private page!: PDFPage;
  private y = 0;
  private readonly fontKeys = new Map<PDFPage, Map<TypesetFont, PDFName>>();
  readonly bodyPages: PDFPage[] = [];
  readonly left: number;
  readonly textWidth: number;
  readonly lineHeight: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly style: PageStyle,
  ) {
    // Snap the text block to a whole number of body characters so CJK text sits on a grid.
    const room = style.width - style.marginInner - style.marginOuter;
    const perLine = Math.floor(room / style.bodySize);
    this.textWidth = perLine * style.bodySize;
    this.left = style.marginInner + (room - this.textWidth) / 2;
    this.lineHeight = style.bodySize * style.leading;
  }

  newPage(numbered: boolean): void {
    this.page = this.doc.addPage([this.style.width, this.style.height]);
    if (numbered) this.bodyPages.push(this.page);
    this.y = this.style.height - this.style.marginTop;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  moveDown(points: number): void {
    this.y -= points;
  }

  moveTo(yFromTop: number): void {
    this.y = this.style.height - yFromTop;
  }

  /** Starts a new page when fewer than `lines` lines of `height` fit on this one. */
  ensureRoom(lines: number, height = this.lineHeight): void {
    if (this.y - lines * height < this.style.marginBottom) this.newPage(true);
  }

  private fontKey(font: TypesetFont): PDFName {
    let keys = this.fontKeys.get(this.page);
    if (!keys) this.fontKeys.set(this.page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.pdfFont.name, font.pdfFont.ref);
      keys.set(font, key);
    }
    return key;
  }

  /** Draws one line with its baseline `size` below the cursor; `spacing` is added after each glyph. */
  drawLine(text: string, font: TypesetFont, size: number, x: number, spacing = 0): void {
    const baseline = this.y - size;
    this.page.pushOperators(
      beginText(),
      setFontAndSize(this.fontKey(font), size),
      setCharacterSpacing(spacing),
      setTextMatrix(1, 0, 0, 1, x, baseline),
      showText(font.encode(text)),
      endText(),
    );
  }

  /** Sets a paragraph: wrapped, justified, optionally centred; returns lines drawn. */
  paragraph(
    text: string,
    font: TypesetFont,
    size: number,
    options: { indent?: number; align?: 'justify' | 'center'; lineHeight?: number } = {},
  ): void {
    const measure = (s: string) => font.width(s, size);
    const indent = options.indent ?? 0;
    const lineHeight = options.lineHeight ?? this.lineHeight;
    const lines = breakLines(toUnits(text, measure), this.textWidth, indent, measure);
    lines.forEach((line, index) => {
      // Keep at least two lines of a paragraph together at a page end and start (no widows/orphans).
      const remaining = lines.length - index;
      if (index === 0) this.ensureRoom(Math.min(2, lines.length), lineHeight);
      else if (remaining === 1 && lines.length > 1 && this.y - lineHeight < this.style.marginBottom)
        this.newPage(true);
      else this.ensureRoom(1, lineHeight);
      this.drawBreakLine(line, font, size, index === 0 ? indent : 0, options.align ?? 'justify');
      this.y -= lineHeight;
    });
  }

  private drawBreakLine(
    line: Line,
    font: TypesetFont,
    size: number,
    indent: number,
    align: 'justify' | 'center',
  ): void {
    const text = line.units.map((u) => u.text).join('');
    const glyphs = [...text].length;
    const available = this.textWidth - indent;
    if (align === 'center') {
      this.drawLine(text, font, size, this.left + (this.textWidth - line.width) / 2);
      return;
    }
    // CJK justification: spread the slack evenly between all glyphs of a full line.
    const spacing = !line.last && glyphs > 1 ? (available - line.width) / (glyphs - 1) : 0;
    this.drawLine(text, font, size, this.left + indent, spacing);
  }

  folios(font: TypesetFont): void {
    this.bodyPages.forEach((page, index) => {
      this.page = page;
      const label = String(index + 1);
      const x = (this.style.width - font.width(label, FOLIO_SIZE)) / 2;
      this.y = this.style.marginBottom * 0.55 + FOLIO_SIZE;
      this.drawLine(label, font, FOLIO_SIZE, x);
    });
  }
}

function collectCharacters(options: CompileOptions): { body: string; heading: string } {
  const heading = [options.title, ...options.items.map((i) => i.title)].join('');
  const body = [options.title, ...options.items.map((i) => `${bylineOf(i)}${i.text}`), '0123456789'].join('');
  return { body, heading };
}

function findMissing(options: CompileOptions, fonts: { body: TypesetFont; heading: TypesetFont }) {
  const missing = new Map<string, Set<string>>();
  const note = (ch: string, where: string, font: TypesetFont) => {
    if (/\s/u.test(ch) || font.has(ch)) return;
    if (!missing.has(ch)) missing.set(ch, new Set());
    missing.get(ch)!.add(where);
  };
  for (const ch of options.title) note(ch, options.title, fonts.heading);
  for (const item of options.items) {
    for (const ch of item.title) note(ch, item.title, fonts.heading);
    for (const ch of bylineOf(item) + item.text) note(ch, item.title, fonts.body);
  }
  return [...missing].map(([char, articles]) => ({ char, articles: [...articles] }));
}

/**
 * Typesets items as a volume: a title page, then each item as an article on a new page with
 * its heading, byline and paragraphs, page numbers below. Fonts are embedded as subsets.
 */
export async function compileVolume(
  options: CompileOptions,
): Promise<{ pdf: Uint8Array; report: CompileReport }> {
  const style = options.style ?? DEFAULT_PAGE_STYLE;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const chars = collectCharacters(options);
  const fonts = {
    body: await TypesetFont.embed(doc, options.fonts.body, chars.body),
    heading: await TypesetFont.embed(doc, options.fonts.heading, chars.heading),
  };
  const date = options.date ?? new Date();
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage('zh-CN');
  doc.setCreator('文史典藏 Wenshi');
  doc.setProducer('文史典藏 Wenshi');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  const set = new Typesetter(doc, style);
  set.newPage(false);
  set.moveTo(style.height * 0.3);
  set.paragraph(options.title, fonts.heading, TITLE_SIZE, { align: 'center', lineHeight: TITLE_SIZE * 1.5 });

  const total = options.items.length;
  for (const [index, item] of options.items.entries()) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'compile', done: index, total, current: item.title });
    set.newPage(true);
    set.moveDown(set.lineHeight * 2);
    set.paragraph(item.title, fonts.heading, HEADING_SIZE, {
      align: 'center',
      lineHeight: HEADING_SIZE * 1.6,
    });
    const byline = bylineOf(item);
    if (byline) {
      set.moveDown(set.lineHeight * 0.5);
      set.paragraph(byline, fonts.body, style.bodySize, { align: 'center' });
    }
    set.moveDown(set.lineHeight);
    for (const paragraph of paragraphsOf(item.text || item.abstract))
      set.paragraph(paragraph, fonts.body, style.bodySize, { indent: style.bodySize * 2 });
  }
  set.folios(fonts.body);
  options.onProgress?.({ phase: 'compile', done: total, total });

  await doc.flush();
  splitToUnicodeMaps(doc);
  const pdf = await doc.save({ useObjectStreams: false });
  return {
    pdf,
    report: { pages: set.pageCount, articles: total, missingGlyphs: findMissing(options, fonts) },
  };
}
