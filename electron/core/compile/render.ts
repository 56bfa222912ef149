import { deflateSync } from 'node:zlib';
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { squeezesOf } from './lineBreak';
import type { LaidPage, PageRef, TextOp } from './layout';
import type { TypesetFont } from './fonts';

const num = (n: number) => String(Math.round(n * 1000) / 1000);
/** Positions in whole thousandths of a point: the grid's line pitch (18.375 pt) then repeats exactly. */
const thousandths = (n: number) => Math.round(n * 1000);

/**
 * A page's text as content-stream source, in one BT…ET block, switching font and spacing only
 * when they change. Written as a string rather than pdf-lib operator objects: a 1,200-page
 * volume has some 40,000 lines, and an object per operand made the garbage collector the
 * slowest part of a compile. Each line moves from the start of the one before (`Td`) in whole
 * thousandths of a point, so no rounding adds up and the same move down the grid repeats
 * byte for byte, which Flate stores in a few bits; glyphs go as literal strings (see
 * `TypesetFont.literal`).
 */
function textSource(ops: TextOp[], fontKey: (font: TypesetFont) => string): string {
  let out = 'BT\n';
  let font: TypesetFont | undefined;
  let size = 0;
  let spacing = 0;
  let x = 0;
  let y = 0;
  for (const op of ops) {
    if (op.font !== font || op.size !== size) {
      out += `${fontKey(op.font)} ${num(op.size)} Tf\n`;
      font = op.font;
      size = op.size;
    }
    if (op.spacing !== spacing) {
      out += `${num(op.spacing)} Tc\n`;
      spacing = op.spacing;
    }
    const nx = thousandths(op.x);
    const ny = thousandths(op.y);
    out += `${(nx - x) / 1000} ${(ny - y) / 1000} Td\n`;
    x = nx;
    y = ny;
    const squeezes = squeezesOf(op.text);
    if (!squeezes.some((s) => s > 0)) {
      out += `(${op.font.literal(op.text)}) Tj\n`;
      continue;
    }
    // 标点挤压: pull the glyph after a squeezed mark left by the blank half of the mark's em.
    let array = '';
    let run = '';
    [...op.text].forEach((ch, i) => {
      run += ch;
      const squeeze = squeezes[i]!;
      if (squeeze > 0) {
        array += `(${op.font.literal(run)}) ${num(squeeze * 1000 * op.font.width(ch, 1))} `;
        run = '';
      }
    });
    if (run) array += `(${op.font.literal(run)})`;
    out += `[${array}] TJ\n`;
  }
  return `${out}ET\n`;
}

/**
 * The fonts of all pages under short resource names (/F1, /F2 …), each with its glyph ids
 * given most used character first (see `TypesetFont.reserve`).
 */
function nameFonts(texts: TextOp[][]): Map<TypesetFont, string> {
  const counts = new Map<TypesetFont, Map<string, number>>();
  for (const ops of texts)
    for (const op of ops) {
      let count = counts.get(op.font);
      if (!count) counts.set(op.font, (count = new Map()));
      for (const ch of op.text) count.set(ch, (count.get(ch) ?? 0) + 1);
    }
  const names = new Map<TypesetFont, string>();
  for (const [font, count] of counts) {
    // Ties in code point order: the same volume gives the same bytes.
    const order = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    font.reserve(order.map(([ch]) => ch));
    names.set(font, `/F${names.size + 1}`);
  }
  return names;
}

export interface RenderInput {
  doc: PDFDocument;
  pages: { page: LaidPage; ref: PageRef }[];
  /** Image XObjects by `imageKey`. */
  images: Map<string, PDFRef>;
  /** Running heads and folios are drawn from these. */
  decorate: (page: LaidPage, index: number) => TextOp[];
  rules: (page: LaidPage, index: number) => { x1: number; x2: number; y: number }[];
  pageIndex: (ref: PageRef) => number;
  width: number;
  height: number;
  /** The sheet when it is larger than the trim (bleed, crop marks): the page is drawn at `offset`. */
  sheet?: { offset: number; mediaWidth: number; mediaHeight: number; marks: string; links: boolean };
}

/**
 * Turns the laid-out pages into PDF pages: images, rules, text and links. Every page without a
 * figure shares one resource dictionary, and a page holds only what it uses: a page object
 * stays about 80 bytes, where pdf-lib's defaults (empty dictionaries, fonts under random names
 * per page) came to 290.
 */
export function renderPages(input: RenderInput): PDFPage[] {
  const { doc } = input;
  const context = doc.context;
  const sheet = input.sheet;
  const [mediaWidth, mediaHeight] = sheet
    ? [sheet.mediaWidth, sheet.mediaHeight]
    : [input.width, input.height];
  const mediaBox = context.obj([
    0,
    0,
    Math.round(mediaWidth * 1000) / 1000,
    Math.round(mediaHeight * 1000) / 1000,
  ]);
  const pdfPages = input.pages.map(() => doc.addPage([mediaWidth, mediaHeight]));
  const texts = input.pages.map(({ page }, index) => [
    ...page.ops.flatMap((op) => (op.kind === 'text' ? [op] : [])),
    ...input.decorate(page, index),
  ]);
  const fontNames = nameFonts(texts);
  const fontDict = context.register(
    context.obj(Object.fromEntries([...fontNames].map(([font, name]) => [name.slice(1), font.pdfFont.ref]))),
  );
  const sharedResources = context.register(context.obj({ Font: fontDict }));
  const fontKey = (font: TypesetFont) => fontNames.get(font)!;
  input.pages.forEach(({ page }, index) => {
    const node = pdfPages[index]!.node;
    node.set(PDFName.of('MediaBox'), mediaBox);
    let source = '';
    const xObjects: Record<string, PDFRef> = {};
    for (const op of page.ops) {
      if (op.kind !== 'image') continue;
      const image = input.images.get(imageKey(op.file, op.width, op.height));
      if (!image) continue;
      const name = `Im${Object.keys(xObjects).length + 1}`;
      xObjects[name] = image;
      source += `q\n${num(op.width)} 0 0 ${num(op.height)} ${num(op.x)} ${num(op.y)} cm\n/${name} Do\nQ\n`;
    }
    node.set(
      PDFName.of('Resources'),
      Object.keys(xObjects).length > 0 ? context.obj({ Font: fontDict, XObject: xObjects }) : sharedResources,
    );
    const rules = input.rules(page, index);
    if (rules.length > 0)
      source += `0.4 w\n${rules.map((r) => `${num(r.x1)} ${num(r.y)} m ${num(r.x2)} ${num(r.y)} l`).join('\n')}\nS\n`;
    if (texts[index]!.length > 0) source += textSource(texts[index]!, fontKey);
    if (sheet?.offset)
      source = `q\n1 0 0 1 ${num(sheet.offset)} ${num(sheet.offset)} cm\n${source}Q\n${sheet.marks}`;
    if (source) {
      const stream = context.stream(deflateSync(Buffer.from(source, 'latin1')), {
        Filter: 'FlateDecode',
      });
      node.set(PDFName.of('Contents'), context.register(stream));
    }
    // PDF/X allows no annotations on the printed page, links included.
    const annots: PDFRef[] = [];
    for (const op of sheet && !sheet.links ? [] : page.ops) {
      if (op.kind !== 'link') continue;
      const target = pdfPages[input.pageIndex(op.target)];
      if (!target) continue;
      annots.push(
        context.register(
          context.obj({
            Type: 'Annot',
            Subtype: 'Link',
            Rect: op.rect.map((n) => Math.round(n * 100) / 100),
            Border: [0, 0, 0],
            Dest: [target.ref, 'XYZ', PDFNull, PDFNull, PDFNull],
          }),
        ),
      );
    }
    if (annots.length > 0) node.set(PDFName.of('Annots'), context.obj(annots));
  });
  return pdfPages;
}

export function imageKey(file: string, width: number, height: number): string {
  return `${file}\u0000${num(width)}\u0000${num(height)}`;
}

export interface OutlineEntry {
  title: string;
  page: PDFRef;
  /** Where the view opens on the page (PDF units from the bottom); the page top when absent. */
  top?: number;
  /** Shown closed: an article's 小标题 would make a long volume's bookmarks hard to scan. */
  closed?: boolean;
  children: OutlineEntry[];
}

/** The PDF outline (bookmarks): pdf-lib has no API for it, so the dictionaries are built here. */
export function writeOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const build = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [item.page, 'XYZ', PDFNull, item.top === undefined ? PDFNull : Math.round(item.top), PDFNull],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length > 0) {
        const sub = build(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // A negative count is a closed entry: its descendants are not counted as visible.
        dict.set(PDFName.of('Count'), PDFNumber.of(item.closed ? -sub.count : sub.count));
        if (!item.closed) count += sub.count;
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = build(entries, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Page labels that match the printed folios: front matter in roman numerals (style /r) or in
 * Chinese numerals (one label per page, as a prefix: the PDF styles know no Chinese), the body
 * from 1.
 */
export function writePageLabels(
  doc: PDFDocument,
  front: number,
  chinese: (n: number) => string | null,
): void {
  const context = doc.context;
  const nums: (number | PDFDict)[] = [];
  if (front > 0) {
    for (let i = 0; i < front; i++) {
      const label = chinese(i + 1);
      if (label === null) {
        nums.push(0, context.obj({ S: 'r' }));
        break;
      }
      nums.push(i, context.obj({ P: PDFHexString.fromText(label) }));
    }
  }
  nums.push(front, context.obj({ S: 'D' }));
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}

/**
 * pdf-lib keeps page objects out of object streams (a rule for linearized files, which ours are
 * not); written loose, a 1,000-page volume's page objects came to some 150 KB. Handing the writer
 * each page's entries as a plain dictionary lets it pack them with the rest. Call just before
 * `save()`: the pages' pdf-lib wrappers no longer see their objects afterwards.
 */
export function packPageObjects(doc: PDFDocument): void {
  const context = doc.context;
  for (const page of doc.getPages())
    context.assign(page.ref, PDFDict.fromMapWithContext(new Map(page.node.entries()), context));
}
