import { foldText } from '../text';

/** Separates the fields of a document's stored text; never typed, never whitespace, never Han. */
export const FIELD_SEP = '\u0001';
/** Separates the values of a list field (two people, two places): phrases never span it. */
export const VALUE_SEP = '\u0002';

export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    c === 0x3007 ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f)
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordCode(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return WORD_CHAR.test(ch);
}

/** Whitespace that may sit inside a line break without ending a Chinese phrase. */
function isLineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d;
}

/**
 * Reads folded text as the index sees it. Han characters come as code points (`han`), runs of
 * letters and digits as words (`word`), anything else ends a run (`end`). A line break between two
 * Han characters does not end the run: hard-wrapped transcripts and scans break lines mid-word.
 */
export interface TermSink {
  han(code: number, runStart: boolean): void;
  word(word: string): void;
}

export function scanTerms(folded: string, sink: TermSink): void {
  let runStart = true;
  let word = '';
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    let c = folded.charCodeAt(i);
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      c = folded.codePointAt(i)!;
      ch = String.fromCodePoint(c);
      i++;
    } else ch = folded[i]!;
    if (isHanCode(c)) {
      if (word) {
        sink.word(word);
        word = '';
        runStart = true;
      }
      sink.han(c, runStart);
      runStart = false;
    } else if (isWordCode(c, ch)) {
      word += ch;
      runStart = true;
    } else {
      if (word) {
        sink.word(word);
        word = '';
      }
      if (!runStart && (c === 0x0a || isLineSpace(c))) {
        // Look past a line break (and the spaces around it) for the run's next character.
        let j = i;
        while (j < n && isLineSpace(folded.charCodeAt(j))) j++;
        if (j < n && folded.charCodeAt(j) === 0x0a) {
          j++;
          while (j < n && isLineSpace(folded.charCodeAt(j))) j++;
          if (j < n && isHanCode(folded.codePointAt(j)!)) {
            i = j - 1;
            continue;
          }
        }
      }
      runStart = true;
    }
  }
  if (word) sink.word(word);
}

export interface QueryToken {
  /** A run of Han characters, or a Latin word / number. */
  text: string;
  han: boolean;
}

/** Folds a query and collapses its spaces; what verbatim matching compares against stored text. */
export function normalizeQuery(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** The runs of a normalized query, in order. */
export function queryTokens(normalized: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let han = '';
  scanTerms(normalized, {
    han(code, runStart) {
      if (runStart && han) {
        tokens.push({ text: han, han: true });
        han = '';
      }
      han += String.fromCodePoint(code);
    },
    word(word) {
      if (han) tokens.push({ text: han, han: true });
      han = '';
      tokens.push({ text: word, han: false });
    },
  });
  if (han) tokens.push({ text: han, han: true });
  return tokens;
}

/** `-` stays as it is: outside a class it needs no escape, and a `u` pattern refuses `\-` (XCGG-2023-0001). */
function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A pattern that finds a normalized query in folded (length-preserving) stored text: a space
 * matches any run of spaces, and a line break may fall between two Han characters.
 */
export function phrasePattern(normalized: string): RegExp {
  const chars = [...normalized];
  let source = '';
  chars.forEach((ch, i) => {
    if (ch === ' ') source += '\\s+';
    else source += escapeRegExp(ch);
    const next = chars[i + 1];
    if (next && isHanCode(ch.codePointAt(0)!) && isHanCode(next.codePointAt(0)!))
      source += '(?:[ \\t\\u3000\\r]*\\n[ \\t\\u3000\\r]*)?';
  });
  return new RegExp(source, 'gu');
}
