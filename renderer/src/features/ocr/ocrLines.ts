// The lines a proofreader shows: OCR's lines with their boxes, and the text as it stands now in
// the 待复核 suggestion (which a person may have corrected) while it waits to be accepted.
import type { Item, OpOutput } from '../../../../electron/contract';
import { OCR_SUGGESTION_FIELD, PAGE_BREAK } from '../../../../electron/contract/shared';

export type OcrPage = OpOutput<'ocr.pages'>['pages'][number];
export type OcrLine = OcrPage['lines'][number];

/** Characters read with less confidence than this are marked for a person to check. */
export const UNSURE_BELOW = 0.8;

/** The originals OCR can read (as the engine does: photos, scans, PDFs). */
const READABLE = new Set(['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'application/pdf']);

export function hasPages(item: Pick<Item, 'files'>): boolean {
  return item.files.some((f) => READABLE.has(f.mime) && f.role !== 'release');
}

/** Where the OCR text waits in the item's 待复核, or -1 once accepted or rejected. */
export function suggestionIndex(item: Pick<Item, 'suggestions'>): number {
  return item.suggestions.findIndex((s) => s.field === OCR_SUGGESTION_FIELD);
}

/**
 * The suggestion's text cut into pages and lines, when it still lines up with the pages read
 * (a line a line, a page break a page), so each line keeps its box; otherwise null.
 */
export function suggestedLines(value: unknown, pages: OcrPage[]): string[][] | null {
  if (typeof value !== 'string') return null;
  const cut = value.split(PAGE_BREAK).map((page) => page.split('\n'));
  const fits = cut.length === pages.length && cut.every((lines, i) => lines.length === pages[i]!.lines.length);
  return fits ? cut : null;
}

/** The suggestion's text with one line replaced: what a correction saves. */
export function withLine(lines: string[][], page: number, line: number, text: string): string {
  return lines
    .map((texts, p) => texts.map((t, l) => (p === page && l === line ? text : t)).join('\n'))
    .join(PAGE_BREAK);
}

/** The line's text in runs, each sure or not, so unsure characters can be marked. */
export function confidenceRuns(line: OcrLine): { text: string; unsure?: number }[] {
  const chars = [...line.text];
  const runs: { text: string; unsure?: number }[] = [];
  chars.forEach((char, i) => {
    const confidence = line.confidence[i] ?? 1;
    const last = runs[runs.length - 1];
    if (confidence < UNSURE_BELOW) runs.push({ text: char, unsure: confidence });
    else if (last && last.unsure === undefined) last.text += char;
    else runs.push({ text: char });
  });
  return runs;
}

/** The first page and line whose text holds the words searched for, to show a search hit. */
export function lineOf(pages: OcrPage[], words: string): { page: number; line: number } | null {
  if (!words) return null;
  for (const [p, page] of pages.entries()) {
    const l = page.lines.findIndex((line) => line.text.includes(words));
    if (l >= 0) return { page: p, line: l };
  }
  // A phrase across two lines: the line where it starts.
  for (const [p, page] of pages.entries()) {
    const joined = page.lines.map((line) => line.text).join('');
    const at = joined.indexOf(words);
    if (at < 0) continue;
    let end = 0;
    for (const [l, line] of page.lines.entries()) {
      end += line.text.length;
      if (at < end) return { page: p, line: l };
    }
  }
  return null;
}
