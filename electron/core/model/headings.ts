/**
 * 小标题 inside an article's text, marked the way Markdown marks them: a line starting `# `,
 * `## ` or `### ` is a heading of level 1, 2 or 3. The marking is plain text, so it survives a
 * textarea, a copy to the clipboard, the audit log's diff and a Word proof; no Chinese text starts
 * a line with `#` and a space. Headings are never guessed from a line's shape: numbered lines
 * (一、 （一） 1.) are only offered, and become headings when an editor accepts them.
 */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

const MARKED = /^[ \t\u3000]*(#{1,3})[ \t\u3000]+(?=\S)/u;
const TRIM = /^[\s\u3000]+|[\s\u3000]+$/gu;

export interface Heading {
  level: HeadingLevel;
  /** The heading's words, mark and surrounding space taken off. */
  text: string;
}

/** The heading a line is marked as, or null for a line of running text. */
export function headingOf(line: string): Heading | null {
  const match = MARKED.exec(line);
  if (!match) return null;
  return { level: match[1]!.length as HeadingLevel, text: line.slice(match[0].length).replace(TRIM, '') };
}

/** A line's words without its heading mark (what is printed, counted and proofed). */
export function withoutHeadingMark(line: string): string {
  const match = MARKED.exec(line);
  return match ? line.slice(match[0].length) : line;
}

/** The whole text without heading marks, line by line. */
export function unmarkedText(text: string): string {
  return text.includes('#') ? text.split('\n').map(withoutHeadingMark).join('\n') : text;
}

/** The line as a heading of `level`, or as running text (0); its indent is dropped with the mark. */
export function markLine(line: string, level: HeadingLevel | 0): string {
  const words = withoutHeadingMark(line).replace(TRIM, '');
  return level === 0 ? words : `${'#'.repeat(level)} ${words}`;
}

/** The text with line `index` (counting every line, blank ones too) set to `level`. */
export function setHeadingLevel(text: string, index: number, level: HeadingLevel | 0): string {
  const lines = text.split('\n');
  if (index < 0 || index >= lines.length || lines[index]!.replace(TRIM, '') === '') return text;
  lines[index] = markLine(lines[index]!, level);
  return lines.join('\n');
}

/** Numbering that opens a heading, from the outermost level: 一、 / 第一章 → 1, （一） → 2, 1. 1、 → 3. */
const NUMBERED: [RegExp, HeadingLevel][] = [
  [/^(?:[一二三四五六七八九十百]+[、．.]|第[一二三四五六七八九十百\d]+[章节篇编部分]+)/u, 1],
  [/^[（(][一二三四五六七八九十百]+[）)]/u, 2],
  [/^\d{1,2}(?:[、．]|\.(?!\d))/u, 3],
];
/** A heading states a topic: short, with no sentence in it (a numbered paragraph has one). */
const MAX_HEADING = 40;
const SENTENCE = /[。！？；!?;]/u;

export interface HeadingOffer {
  /** Line index in the text (blank lines counted). */
  line: number;
  level: HeadingLevel;
  text: string;
}

/**
 * Numbered lines that read as headings and are not marked yet: offered to the editor, never
 * applied by themselves. A line with a full stop inside or longer than 40 characters is a
 * numbered paragraph, not a heading.
 */
export function headingOffers(text: string): HeadingOffer[] {
  const offers: HeadingOffer[] = [];
  text.split('\n').forEach((raw, line) => {
    const words = raw.replace(TRIM, '');
    if (!words || headingOf(raw) || [...words].length > MAX_HEADING) return;
    if (SENTENCE.test(words.replace(/[。]$/u, ''))) return;
    const found = NUMBERED.find(([pattern]) => pattern.test(words));
    if (found && [...words.replace(found[0], '')].length > 0)
      offers.push({ line, level: found[1], text: words });
  });
  return offers;
}

/** The text with the given offers accepted (each line marked at its offered level). */
export function acceptHeadingOffers(text: string, offers: readonly HeadingOffer[]): string {
  return offers.reduce((out, offer) => setHeadingLevel(out, offer.line, offer.level), text);
}

const SPACES = /[\s\u3000]+/gu;

/**
 * The line of `text` that repeats the title as its first paragraph (a Word file's 标题 1, a
 * text's first line that import also took as the title), or -1. Compared without spaces and
 * heading marks, and after folding 全角 punctuation the way editors type it either way.
 */
export function titleRepeatLine(title: string, text: string): number {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.replace(SPACES, '') !== '');
  if (first < 0) return -1;
  const same = (s: string) => withoutHeadingMark(s).replace(SPACES, '').normalize('NFKC');
  return title.trim() && same(lines[first]!) === same(title) ? first : -1;
}
