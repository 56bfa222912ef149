/**
 * Reads the paragraphs of a Word `document.xml` as if every tracked change were accepted:
 * inserted and moved-to text kept, deleted and moved-from text dropped, a paragraph whose mark
 * was deleted joined to the next. A small tag walk, not a general XML parser: it only needs
 * the body's paragraphs, runs, bookmarks and paragraph styles, and it never resolves entities
 * beyond the five predefined ones and character references (so no entity can expand).
 */
export interface ProofParagraph {
  text: string;
  style: string;
  /** Names of the bookmarks that start in the paragraph (or just before it). */
  bookmarks: string[];
}

const TAG =
  /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>/g;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decode(match[1] ?? match[2] ?? '') : undefined;
}

/** Content dropped whole: deleted or moved-away text, old formatting, fallbacks, text boxes. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'pPrChange',
  'rPrChange',
  'Fallback',
  'txbxContent',
  'instrText',
]);

interface Walk {
  out: ProofParagraph[];
  current?: ProofParagraph & { markDeleted: boolean };
  pending: string[];
  skip: number;
  inText: boolean;
  inParagraphProps: number;
  /** Text of a paragraph whose mark was deleted, waiting for the next one. */
  carry?: ProofParagraph;
}

function open(walk: Walk, name: string, attributes: string, selfClosing: boolean): void {
  // Inside 段落属性 a deleted mark is a flag, not content to skip.
  const markFlag = walk.inParagraphProps > 0 && (name === 'del' || name === 'moveFrom');
  if (walk.skip > 0 || (SKIPPED.has(name) && !markFlag)) {
    if (!selfClosing) walk.skip++;
    return;
  }
  const p = walk.current;
  if (name === 'p')
    walk.current = { text: '', style: '', bookmarks: walk.pending.splice(0), markDeleted: false };
  else if (name === 'bookmarkStart') {
    const bookmark = attribute(attributes, 'name');
    if (bookmark) (p ? p.bookmarks : walk.pending).push(bookmark);
  } else if (!p) return;
  else if (name === 'pPr' && !selfClosing) walk.inParagraphProps++;
  else if (name === 'pStyle' && walk.inParagraphProps) p.style = attribute(attributes, 'val') ?? '';
  else if (markFlag) p.markDeleted = true;
  else if (name === 't' && !selfClosing) walk.inText = true;
  else if (name === 'tab') p.text += '\t';
  else if (name === 'br' || name === 'cr') p.text += '\n';
}

function close(walk: Walk, name: string): void {
  if (walk.skip > 0) {
    walk.skip--;
    return;
  }
  if (name === 't') walk.inText = false;
  else if (name === 'pPr') walk.inParagraphProps = Math.max(0, walk.inParagraphProps - 1);
  else if (name === 'p' && walk.current) {
    const { markDeleted, ...paragraph } = walk.current;
    walk.current = undefined;
    const joined = walk.carry
      ? {
          text: walk.carry.text + paragraph.text,
          style: walk.carry.style || paragraph.style,
          bookmarks: [...walk.carry.bookmarks, ...paragraph.bookmarks],
        }
      : paragraph;
    walk.carry = undefined;
    if (markDeleted) walk.carry = joined;
    else walk.out.push(joined);
  }
}

export function readDocumentXml(xml: string): ProofParagraph[] {
  const walk: Walk = { out: [], pending: [], skip: 0, inText: false, inParagraphProps: 0 };
  for (const match of xml.matchAll(TAG)) {
    const [, slash, , name, attributes, selfClosing, text, cdata] = match;
    if (name !== undefined) {
      if (slash) close(walk, name);
      else open(walk, name, attributes ?? '', selfClosing === '/');
    } else if ((text !== undefined || cdata !== undefined) && walk.inText && walk.skip === 0 && walk.current)
      walk.current.text += text !== undefined ? decode(text) : cdata;
  }
  if (walk.carry) walk.out.push(walk.carry);
  return walk.out;
}
