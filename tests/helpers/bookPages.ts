// A compiled volume read back as a proofreader and a print shop check it: each page's text, where
// the body starts, the index as printed, the outline, and where images and lines stand on a page.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { foldText } from '../../electron/core/text';
import { pdfPageCount, pdfText } from './pdfTools';

/** Each page's text: pdftotext ends every page with a form feed. */
export function pagesText(file: string, mode: string[] = []): string[] {
  const pages = pdfText(file, mode).split('\f');
  if (pages.length - 1 !== pdfPageCount(file))
    throw new Error(`pdftotext gave ${pages.length - 1} pages of ${pdfPageCount(file)}`);
  return pages.slice(0, -1);
}

/** The index (0-based) of the first body page: where the arabic page labels start. */
export function bodyStart(file: string): number {
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const labels = json.pagelabels as { index: number }[];
  if (labels.length < 2) throw new Error('no page labels for the body');
  return labels[1]!.index;
}

/** The lines of a page without its folio and running head (lines equal to one of `heads`). */
function pageLines(page: string, heads: readonly string[]): string[] {
  return page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+$/.test(l) && !heads.includes(l));
}

/** The index of the first page that opens with the 人名索引. */
export function indexStart(pages: readonly string[]): number {
  return pages.findIndex((p) => p.replace(/\s+/g, '').startsWith('人名索引'));
}

/**
 * The index as printed: each name with its page numbers (12–14，27), from the page where the
 * 人名索引 starts. `pages` in content-stream order (`pdftotext -raw`).
 */
export function printedIndex(pages: readonly string[], heads: readonly string[]): Map<string, string> {
  const from = indexStart(pages);
  if (from < 0) throw new Error('no 人名索引 in the volume');
  const text = pages
    .slice(from)
    .map((page) => {
      // Content-stream order: the entries, then the folio and the running head last. Only those
      // trailing lines go: an entry's page numbers may wrap onto a line of their own.
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      while (lines.length > 0 && (/^\d+$/.test(lines.at(-1)!) || heads.includes(lines.at(-1)!))) lines.pop();
      return lines.join('');
    })
    .join('')
    .replace(/\s+/g, '')
    .replace(/人名索引|地名索引/g, '');
  const entries = new Map<string, string>();
  for (const m of text.matchAll(/([^\d–，]+)([\d–，]+)/g)) entries.set(m[1]!, m[2]!.replace(/，$/, ''));
  return entries;
}

/**
 * The text of each body page before the index, without running heads and folios, whitespace
 * removed and folded (simplified and traditional alike): what an index entry's pages are found in.
 * Page `i` of the result is folio `i + 1`.
 */
export function bodyPagesText(pages: readonly string[], start: number, heads: readonly string[]): string[] {
  const end = indexStart(pages);
  return pages
    .slice(start, end < 0 ? pages.length : end)
    .map((page) => foldText(pageLines(page, heads).join('').replace(/\s+/g, '')));
}

/** The body pages (folios) whose text holds `name`. */
export function pagesHolding(bodyPages: readonly string[], name: string): number[] {
  const folded = foldText(name.replace(/\s+/g, ''));
  return bodyPages.flatMap((page, i) => (page.includes(folded) ? [i + 1] : []));
}

export interface OutlineEntry {
  title: string;
  /** The page (1-based) the bookmark opens. */
  page: number;
  items: OutlineEntry[];
}

async function openPdf(file: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const document = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  return { pdfjs, document };
}

interface RawOutline {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutline[];
}

/** The PDF's outline (bookmarks) as a reader's sidebar shows it: titles, nested, with their pages. */
export async function outlineOf(file: string): Promise<OutlineEntry[]> {
  const { document } = await openPdf(file);
  try {
    const pageOf = async (dest: RawOutline['dest']): Promise<number> => {
      const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
      if (!explicit) return 0;
      return (await document.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
    };
    const read = async (items: RawOutline[] | null): Promise<OutlineEntry[]> =>
      Promise.all(
        (items ?? []).map(async (o) => ({
          title: o.title.trim(),
          page: await pageOf(o.dest),
          items: await read(o.items),
        })),
      );
    return await read((await document.getOutline()) as RawOutline[] | null);
  } finally {
    await document.destroy();
  }
}

/** A rectangle on a page in points, measured from the page's top left (as pdftotext -bbox does). */
export interface Box {
  x: number;
  top: number;
  width: number;
  height: number;
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, c: Matrix): Matrix => [
  m[0] * c[0] + m[1] * c[2],
  m[0] * c[1] + m[1] * c[3],
  m[2] * c[0] + m[3] * c[2],
  m[2] * c[1] + m[3] * c[3],
  m[4] * c[0] + m[5] * c[2] + c[4],
  m[4] * c[1] + m[5] * c[3] + c[5],
];

/** Where each image is painted on page `page` (1-based): the unit square under the current matrix. */
export async function imagesPlaced(file: string, page: number): Promise<Box[]> {
  const { pdfjs, document } = await openPdf(file);
  try {
    const p = await document.getPage(page);
    const [, , , height] = p.view as [number, number, number, number];
    const { fnArray, argsArray } = await p.getOperatorList();
    const { OPS } = pdfjs;
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const boxes: Box[] = [];
    fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = times(argsArray[i] as Matrix, ctm);
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject)
        boxes.push({ x: ctm[4], top: height - (ctm[5] + ctm[3]), width: ctm[0], height: ctm[3] });
    });
    return boxes;
  } finally {
    await document.destroy();
  }
}

/** The text lines of page `page` (1-based) with their boxes, as `pdftotext -bbox-layout` finds them. */
export function linesPlaced(file: string, page: number): (Box & { text: string })[] {
  const xhtml = execFileSync(
    'pdftotext',
    ['-bbox-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'],
    { encoding: 'utf8' },
  );
  const lines: (Box & { text: string })[] = [];
  for (const m of xhtml.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
  )) {
    const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const text = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
    lines.push({ x: xMin, top: yMin, width: xMax - xMin, height: yMax - yMin, text });
  }
  return lines;
}

/** The pages (1-based) that hold an image, one entry an image, as `pdfimages -list` lists them. */
export function imagePages(file: string): { page: number; width: number; height: number }[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const [page, , , width, height] = line.trim().split(/\s+/);
      return { page: Number(page), width: Number(width), height: Number(height) };
    });
}
