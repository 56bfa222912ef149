// A compiled volume read back page by page, as a proofreader checks it: each page's text, where
// the body starts, and the index as printed.
import { execFileSync } from 'node:child_process';
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
