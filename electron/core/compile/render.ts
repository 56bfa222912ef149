import { deflateSync } from 'node:zlib';
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFDocument,
  type PDFImage,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { squeezesOf } from './lineBreak';
import type { LaidPage, PageRef, TextOp } from './layout';
import type { TypesetFont } from './fonts';

const num = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * A page's text as content-stream source, in one BT…ET block, switching font and spacing only
 * when they change. Written as a string rather than pdf-lib operator objects: a 1,200-page
 * volume has some 40,000 lines, and an object per operand made the garbage collector the
 * slowest part of a compile.
 */
function textSource(ops: TextOp[], fontKey: (font: TypesetFont) => string): string {
  let out = 'BT\n';
  let font: TypesetFont | undefined;
  let size = 0;
  let spacing = 0;
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
    out += `1 0 0 1 ${num(op.x)} ${num(op.y)} Tm\n`;
    const squeezes = squeezesOf(op.text);
    if (!squeezes.some((s) => s > 0)) {
      out += `<${op.font.hex(op.text)}> Tj\n`;
      continue;
    }
    // 标点挤压: pull the glyph after a squeezed mark left by the blank half of the mark's em.
    let array = '';
    let run = '';
    [...op.text].forEach((ch, i) => {
      run += ch;
      const squeeze = squeezes[i]!;
      if (squeeze > 0) {
        array += `<${op.font.hex(run)}> ${num(squeeze * 1000 * op.font.width(ch, 1))} `;
        run = '';
      }
    });
    if (run) array += `<${op.font.hex(run)}>`;
    out += `[${array}] TJ\n`;
  }
  return `${out}ET\n`;
}

export interface RenderInput {
  doc: PDFDocument;
  pages: { page: LaidPage; ref: PageRef }[];
  images: Map<string, PDFImage>;
  /** Running heads and folios are drawn from these. */
  decorate: (page: LaidPage, index: number) => TextOp[];
  rules: (page: LaidPage, index: number) => { x1: number; x2: number; y: number }[];
  pageIndex: (ref: PageRef) => number;
  width: number;
  height: number;
  /** The sheet when it is larger than the trim (bleed, crop marks): the page is drawn at `offset`. */
  sheet?: { offset: number; mediaWidth: number; mediaHeight: number; marks: string; links: boolean };
}

/** Turns the laid-out pages into PDF pages: images, rules, text and links. */
export function renderPages(input: RenderInput): PDFPage[] {
  const { doc } = input;
  const context = doc.context;
  const sheet = input.sheet;
  const pdfPages = input.pages.map(() =>
    doc.addPage(sheet ? [sheet.mediaWidth, sheet.mediaHeight] : [input.width, input.height]),
  );
  input.pages.forEach(({ page }, index) => {
    const pdfPage = pdfPages[index]!;
    const keys = new Map<TypesetFont, string>();
    const fontKey = (font: TypesetFont) => {
      let key = keys.get(font);
      if (!key) {
        key = pdfPage.node.newFontDictionary(font.pdfFont.name, font.pdfFont.ref).toString();
        keys.set(font, key);
      }
      return key;
    };
    let source = '';
    for (const op of page.ops) {
      if (op.kind !== 'image') continue;
      const image = input.images.get(imageKey(op.file, op.width, op.height));
      if (!image) continue;
      const name = pdfPage.node.newXObject('Image', image.ref).toString();
      source += `q\n${num(op.width)} 0 0 ${num(op.height)} ${num(op.x)} ${num(op.y)} cm\n${name} Do\nQ\n`;
    }
    const rules = input.rules(page, index);
    if (rules.length > 0)
      source += `0.4 w\n${rules.map((r) => `${num(r.x1)} ${num(r.y)} m ${num(r.x2)} ${num(r.y)} l`).join('\n')}\nS\n`;
    const texts = [
      ...page.ops.flatMap((op) => (op.kind === 'text' ? [op] : [])),
      ...input.decorate(page, index),
    ];
    if (texts.length > 0) source += textSource(texts, fontKey);
    if (sheet?.offset)
      source = `q\n1 0 0 1 ${num(sheet.offset)} ${num(sheet.offset)} cm\n${source}Q\n${sheet.marks}`;
    if (source) {
      const stream = context.stream(deflateSync(Buffer.from(source, 'latin1')), { Filter: 'FlateDecode' });
      pdfPage.node.addContentStream(context.register(stream));
    }
    // PDF/X allows no annotations on the printed page, links included.
    for (const op of sheet && !sheet.links ? [] : page.ops) {
      if (op.kind !== 'link') continue;
      const target = pdfPages[input.pageIndex(op.target)];
      if (!target) continue;
      const annot = context.register(
        context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: op.rect.map((n) => Math.round(n * 1000) / 1000),
          Border: [0, 0, 0],
          Dest: [target.ref, 'XYZ', PDFNull, PDFNull, PDFNull],
        }),
      );
      pdfPage.node.addAnnot(annot);
    }
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
