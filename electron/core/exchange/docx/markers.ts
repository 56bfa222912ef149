/**
 * The bookmarks that tie a Word proof back to the catalog. Word keeps bookmarks through edits
 * and tracked changes (a split paragraph keeps it in its first half), and their names are
 * limited to 40 characters of letters, digits and underscores.
 */
const ARTICLE = 'wsa_';
const PARAGRAPH = 'wsp_';

/** Item ids are hex; anything else cannot travel in a bookmark name and is not marked. */
export function canMark(itemId: string): boolean {
  return /^[A-Za-z0-9]{1,28}$/.test(itemId);
}

export function articleMarker(itemId: string): string {
  return `${ARTICLE}${itemId}`;
}

/** `line` is the line of the item's text the paragraph was set from. */
export function paragraphMarker(itemId: string, line: number): string {
  return `${PARAGRAPH}${itemId}_${line}`;
}

export type Marker =
  { kind: 'article'; itemId: string } | { kind: 'paragraph'; itemId: string; line: number };

export function readMarker(name: string): Marker | undefined {
  if (name.startsWith(ARTICLE)) {
    const itemId = name.slice(ARTICLE.length);
    return canMark(itemId) ? { kind: 'article', itemId } : undefined;
  }
  const match = /^wsp_([A-Za-z0-9]{1,28})_(\d{1,6})$/.exec(name);
  return match ? { kind: 'paragraph', itemId: match[1]!, line: Number(match[2]) } : undefined;
}
