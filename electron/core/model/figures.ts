// Where a figure stands in an article and what its caption says: pure functions the compiler,
// the volume store and the volume editor share, so all of them read an anchor the same way.
import type { Item, Region } from './item';

/** How many characters of a paragraph's opening an anchor keeps to find that paragraph again. */
export const ANCHOR_QUOTE_LENGTH = 16;

/**
 * The paragraphs of an article's text as the compiler sets them: each non-empty line, trimmed.
 * A figure's `after` counts these.
 */
export function articleParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p.length > 0);
}

/**
 * A paragraph's opening as an anchor compares it: spaces dropped and heading marks (`#`) left
 * off, so marking a line as a 小标题 or retyping its spacing keeps the figure where it was.
 */
export function anchorQuote(paragraph: string): string {
  return [...paragraph.replace(/^#{1,6}\s*/, '').replace(/[\s\u3000]+/g, '')]
    .slice(0, ANCHOR_QUOTE_LENGTH)
    .join('');
}

/** The anchor for a figure put after `after` paragraphs (0: before the first). */
export function anchorAfter(paragraphs: readonly string[], after: number): { after: number; quote?: string } {
  const at = Math.max(0, Math.min(after, paragraphs.length));
  return at === 0 ? { after: 0 } : { after: at, quote: anchorQuote(paragraphs[at - 1]!) };
}

export interface ResolvedAnchor {
  /** Paragraphs before the figure. */
  after: number;
  /** The quoted paragraph is no longer in the text: the figure stands at the old count instead. */
  lost: boolean;
}

/**
 * Finds where an anchored figure goes in the text as it is now. The count alone (`after`) would
 * move the figure to another paragraph whenever one is added or removed above it; the quote of
 * the paragraph it follows finds that paragraph again wherever it went (the nearest, if the same
 * opening occurs twice). Only when the quote is gone too does the count decide, and the figure
 * is reported as moved.
 */
export function resolveAnchor(
  paragraphs: readonly string[],
  anchor: { after: number; quote?: string | undefined },
): ResolvedAnchor {
  const clamped = Math.max(0, Math.min(anchor.after, paragraphs.length));
  if (!anchor.quote) return { after: clamped, lost: false };
  const quote = anchor.quote;
  const matches = (i: number) => {
    const opening = anchorQuote(paragraphs[i]!);
    return opening === quote || (opening.length >= quote.length && opening.startsWith(quote));
  };
  let best = -1;
  paragraphs.forEach((_, i) => {
    if (matches(i) && (best < 0 || Math.abs(i + 1 - anchor.after) < Math.abs(best + 1 - anchor.after)))
      best = i;
  });
  if (best >= 0) return { after: best + 1, lost: false };
  // Edited inside its opening: a paragraph that still begins with most of the quote will do.
  const half = quote.slice(0, Math.ceil(quote.length / 2));
  const near = paragraphs.findIndex(
    (p, i) => Math.abs(i + 1 - clamped) <= 2 && anchorQuote(p).startsWith(half),
  );
  if (half.length >= 4 && near >= 0) return { after: near + 1, lost: false };
  return { after: clamped, lost: true };
}

/** The people marked on a photo, left to right (then top to bottom), as a caption names them. */
export function namesLeftToRight(regions: readonly Region[]): string[] {
  return [...regions].sort((a, b) => a.x - b.x || a.y - b.y).map((r) => r.name);
}

/** 「左起：张三、李四」 for the people marked on a photo; empty when none are marked. */
export function leftToRightLine(regions: readonly Region[]): string {
  const names = namesLeftToRight(regions);
  return names.length > 0 ? `左起：${names.join('、')}` : '';
}

/**
 * The caption a photo item brings into a volume: its 图片说明 (its title when there is none)
 * and, on a line of its own, the 左起 line of the people marked on it. A volume's own caption
 * replaces both.
 */
export function photoCaption(item: Pick<Item, 'title' | 'photo'>): string {
  const caption = item.photo?.caption.trim() || item.title;
  return [caption, leftToRightLine(item.photo?.regions ?? [])].filter(Boolean).join('\n');
}

/**
 * The caption a figure prints when the volume gives none. A photo item brings its 图片说明 and 左起
 * line; the people are marked on its first image, so another image file of it brings only the
 * 图片说明. An image of any other item has no caption of its own (a file name is not one), except
 * an item chosen from the catalog as the figure, which is named by its title.
 */
export function figureCaption(
  owner: Pick<Item, 'kind' | 'title' | 'photo' | 'files'>,
  sha256: string,
  fromCatalog: boolean,
): string {
  if (owner.kind !== 'photo') return fromCatalog ? owner.title : '';
  const first = owner.files.find((f) => f.mime.startsWith('image/'));
  if (first?.sha256 === sha256) return photoCaption(owner);
  return owner.photo?.caption.trim() ?? '';
}
