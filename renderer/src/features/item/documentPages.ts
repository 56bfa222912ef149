/** A page of a document's text: the characters from `start` up to `end`. */
export interface Page {
  start: number;
  end: number;
}

export interface Paging {
  pages: Page[];
  /** The pages are the original's (a PDF's); otherwise the text was cut to fit the screen. */
  original: boolean;
}

const FORM_FEED = '\f';
const LEGACY_PAGE_GAP = '\n\n';
/** Where a screen page may end, best first: a paragraph, then a sentence. */
const SENTENCE_END = /[。！？；!?;.]/;

/**
 * The original's pages, split at form feeds (how PDF import keeps page breaks). A break is written
 * on a line of its own; the line breaks around it belong to neither page.
 */
function pagesAtFormFeeds(text: string): Page[] {
  const pages: Page[] = [];
  let start = 0;
  for (let at = text.indexOf(FORM_FEED); at !== -1; at = text.indexOf(FORM_FEED, at + 1)) {
    pages.push({ start, end: text[at - 1] === '\n' && at - 1 >= start ? at - 1 : at });
    start = text[at + 1] === '\n' ? at + 2 : at + 1;
  }
  pages.push({ start: Math.min(start, text.length), end: text.length });
  return pages;
}

/**
 * PDFs imported before page breaks were kept have their pages apart by one blank line. That is
 * trusted only when the blank lines are exactly as many as the page breaks the PDF had.
 */
function legacyPdfPages(text: string, pdfPages: number): Page[] | null {
  const pages: Page[] = [];
  let start = 0;
  for (
    let at = text.indexOf(LEGACY_PAGE_GAP);
    at !== -1;
    at = text.indexOf(LEGACY_PAGE_GAP, at + LEGACY_PAGE_GAP.length)
  ) {
    pages.push({ start, end: at });
    start = at + LEGACY_PAGE_GAP.length;
    if (pages.length >= pdfPages) return null;
  }
  pages.push({ start, end: text.length });
  return pages.length === pdfPages ? pages : null;
}

/** Where a screen page that may not go past `limit` ends best: after a line, else a sentence. */
function breakBefore(text: string, start: number, limit: number): number {
  // Only the second half of the page is searched, so paging costs the same however long the text.
  const floor = start + Math.floor((limit - start) / 2);
  for (let i = limit - 1; i >= floor; i--) if (text[i] === '\n') return i + 1;
  for (let i = limit - 1; i >= floor; i--) if (SENTENCE_END.test(text[i]!)) return i + 1;
  // No good place: cut, but never between the two halves of a character outside the BMP.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Text without pages of its own, cut into pages of about `size` characters. */
export function screenPages(text: string, size: number): Page[] {
  const pages: Page[] = [];
  const step = Math.max(1, Math.floor(size));
  let start = 0;
  while (text.length - start > step) {
    const end = breakBefore(text, start, start + step);
    pages.push({ start, end });
    start = end;
  }
  pages.push({ start, end: text.length });
  return pages;
}

/**
 * How a document's text is paged: by the PDF's own pages when it came from one (form feeds, or
 * for older imports blank lines matching `pdfPages`), else in screens of `charsPerPage`.
 * Only page boundaries are computed, so a text of hundreds of thousands of characters pages at once.
 */
export function documentPages(text: string, charsPerPage: number, pdfPages?: number): Paging {
  if (text.includes(FORM_FEED)) return { pages: pagesAtFormFeeds(text), original: true };
  const legacy = pdfPages && pdfPages > 1 ? legacyPdfPages(text, pdfPages) : null;
  if (legacy) return { pages: legacy, original: true };
  return { pages: screenPages(text, charsPerPage), original: false };
}

/** The index of the page holding the character at `offset`. */
export function pageAt(pages: readonly Page[], offset: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (pages[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** About how many characters of running Chinese text fill a box, leaving room for paragraph ends. */
export function charsToFill(box: { width: number; height: number }, fontSize: number, lineHeight: number) {
  const perLine = Math.floor(box.width / fontSize);
  const lines = Math.floor(box.height / (fontSize * lineHeight));
  return Math.max(200, Math.floor(perLine * lines * 0.85));
}
