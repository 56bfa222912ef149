import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  lineTo,
  moveTo,
  setCharacterSpacing,
  setFontAndSize,
  setLineWidth,
  setTextMatrix,
  showText,
  stroke,
  type PDFDocument,
  type PDFImage,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { squeezesOf } from './lineBreak';
import type { LaidPage, PageRef, TextOp } from './layout';
import type { TypesetFont } from './fonts';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Writes a page's text ops in one BT…ET block, switching font only when it changes. */
function textOperators(page: PDFPage, ops: TextOp[], fontKey: (font: TypesetFont) => PDFName): PDFOperator[] {
  const out: PDFOperator[] = [beginText()];
  let font: TypesetFont | undefined;
  let size = 0;
  let spacing = 0;
  for (const op of ops) {
    if (op.font !== font || op.size !== size) {
      out.push(setFontAndSize(fontKey(op.font), op.size));
      font = op.font;
      size = op.size;
    }
    if (op.spacing !== spacing) {
      out.push(setCharacterSpacing(round(op.spacing)));
      spacing = op.spacing;
    }
    out.push(setTextMatrix(1, 0, 0, 1, round(op.x), round(op.y)));
    const squeezes = squeezesOf(op.text);
    if (!squeezes.some((s) => s > 0)) {
      out.push(showText(op.font.encode(op.text)));
      continue;
    }
    // 标点挤压: pull the glyph after a squeezed mark left by the blank half of the mark's em.
    const array = PDFArray.withContext(page.doc.context);
    let run = '';
    [...op.text].forEach((ch, i) => {
      run += ch;
      const squeeze = squeezes[i]!;
      if (squeeze > 0) {
        array.push(PDFHexString.of(op.font.hex(run)));
        array.push(PDFNumber.of(round(squeeze * 1000 * op.font.width(ch, 1))));
        run = '';
      }
    });
    if (run) array.push(PDFHexString.of(op.font.hex(run)));
    out.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
  }
  out.push(endText());
  return out;
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
}

/** Turns the laid-out pages into PDF pages: text, images, rules and links. */
export function renderPages(input: RenderInput): PDFPage[] {
  const { doc } = input;
  const pdfPages = input.pages.map(() => doc.addPage([input.width, input.height]));
  input.pages.forEach(({ page }, index) => {
    const pdfPage = pdfPages[index]!;
    const keys = new Map<TypesetFont, PDFName>();
    const fontKey = (font: TypesetFont) => {
      let key = keys.get(font);
      if (!key) {
        key = pdfPage.node.newFontDictionary(font.pdfFont.name, font.pdfFont.ref);
        keys.set(font, key);
      }
      return key;
    };
    for (const op of page.ops) {
      if (op.kind === 'image') {
        const image = input.images.get(imageKey(op.file, op.width, op.height));
        if (image) pdfPage.drawImage(image, { x: op.x, y: op.y, width: op.width, height: op.height });
      }
    }
    const rules = [
      ...page.ops.flatMap((op) => (op.kind === 'rule' ? [op] : [])),
      ...input.rules(page, index),
    ];
    if (rules.length > 0)
      pdfPage.pushOperators(
        setLineWidth(0.4),
        ...rules.flatMap((r) => [moveTo(round(r.x1), round(r.y)), lineTo(round(r.x2), round(r.y))]),
        stroke(),
      );
    const texts = [
      ...page.ops.flatMap((op) => (op.kind === 'text' ? [op] : [])),
      ...input.decorate(page, index),
    ];
    if (texts.length > 0) pdfPage.pushOperators(...textOperators(pdfPage, texts, fontKey));
    for (const op of page.ops) {
      if (op.kind !== 'link') continue;
      const target = pdfPages[input.pageIndex(op.target)];
      if (!target) continue;
      const annot = doc.context.register(
        doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: op.rect.map(round),
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
  return `${file}\u0000${round(width)}\u0000${round(height)}`;
}

export interface OutlineEntry {
  title: string;
  page: PDFRef;
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
        Dest: [item.page, 'XYZ', PDFNull, PDFNull, PDFNull],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length > 0) {
        const sub = build(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
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
