import { headingOf } from '../model';
import { detectMojibake } from './mojibake';

/**
 * Typesetting cleanups (排版清理): each kind is offered to a person separately and applied only
 * when accepted. Every function is pure and returns edits in offsets of the text it was given;
 * the kinds never touch the same characters, so any subset of them can be applied together.
 * U+3000 (全角空格, the paragraph indent) is never touched by any of them.
 */
export type TypesetKind = 'punctuation' | 'quotes' | 'linebreaks';
export const TYPESET_KINDS: readonly TypesetKind[] = ['punctuation', 'quotes', 'linebreaks'];
export type QuoteStyle = 'corner' | 'curly';

export interface TypesetEdit {
  start: number;
  removed: string;
  inserted: string;
  reason: TypesetKind;
}

const HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
/** Full-width punctuation that may stand beside a converted mark. */
const CJK_OPENING = new Set([...'“‘「『（《〈【〔']);
const CJK_CLOSING = new Set([...'”’」』）》〉】〕。，、；：！？…']);
const FULL_WIDTH: Record<string, string> = { ',': '，', '!': '！', ':': '：', ';': '；', '?': '？' };
const URL =
  /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff01-\uff5e“”‘’]+|\bwww\.[^\s\u3000-\u303f\uff01-\uff5e“”‘’]+/giu;

function isCjkBefore(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_CLOSING.has(ch));
}
function isCjkAfter(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_OPENING.has(ch));
}
/** After a mark: Chinese, closing punctuation, or the end of the line (他走了?). */
function endsCjk(ch: string | undefined): boolean {
  return ch === undefined || ch === '\n' || ch === '\r' || isCjkAfter(ch) || CJK_CLOSING.has(ch);
}

/** The character before `at`, looking past a straight quote (which the quote cleanup converts). */
function before(text: string, at: number): string | undefined {
  const ch = text[at - 1];
  return ch === '"' || ch === "'" ? text[at - 2] : ch;
}
function after(text: string, at: number): string | undefined {
  const ch = text[at + 1];
  return ch === '"' || ch === "'" ? text[at + 2] : ch;
}

/** Offsets where nothing may be changed: URLs, and garbled runs (whose `?` is a lost byte, not a question). */
function untouchable(text: string): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(URL)) spans.push([m.index, m.index + m[0].length]);
  for (const run of detectMojibake(text)) spans.push([run.start, run.end]);
  return (at) => spans.some(([s, e]) => at >= s && at < e);
}

/**
 * ASCII `, ! : ; ?` with Chinese on both sides become full width; `(…)` around Chinese becomes
 * `（…）`. Numbers (3.5, 10:30), English sentences and URLs have Latin or digits beside the mark and
 * are left alone; so are pinyin or Latin in parentheses (許(xǔ), 许昌(XC)).
 */
export function fullWidthPunctuation(text: string): TypesetEdit[] {
  const edits: TypesetEdit[] = [];
  const blocked = untouchable(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (FULL_WIDTH[ch] && !blocked(i) && isCjkBefore(before(text, i)) && endsCjk(after(text, i)))
      edits.push({ start: i, removed: ch, inserted: FULL_WIDTH[ch], reason: 'punctuation' });
    if (ch === '(' && !blocked(i)) {
      const close = text.indexOf(')', i + 1);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      if (close < 0 || /[\n()]/u.test(inner) || !HAN.test(inner) || /[A-Za-z]/u.test(inner)) continue;
      const open = text[i - 1];
      const next = text[close + 1];
      const atLineStart = open === undefined || open === '\n' || open === '\u3000';
      if (atLineStart || isCjkBefore(open) || isCjkAfter(next)) {
        edits.push({ start: i, removed: '(', inserted: '（', reason: 'punctuation' });
        edits.push({ start: close, removed: ')', inserted: '）', reason: 'punctuation' });
      }
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

interface QuotePair {
  open: number;
  close: number;
  mark: '"' | "'";
}

/** An apostrophe (don't, O'Brien, 1980's) sits between letters or digits and is no quote. */
function isApostrophe(text: string, i: number): boolean {
  return (
    /[\p{L}\p{N}]/u.test(text[i - 1] ?? '') &&
    /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') &&
    !HAN.test(text[i - 1]!) &&
    !HAN.test(text[i + 1]!)
  );
}

/** Straight quotes of one line paired inside out; those left without a partner are counted. */
function pairLine(text: string, from: number, to: number): { pairs: QuotePair[]; unbalanced: number } {
  const stack: Array<{ at: number; mark: '"' | "'" }> = [];
  const pairs: QuotePair[] = [];
  let unbalanced = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if ((ch !== '"' && ch !== "'") || (ch === "'" && isApostrophe(text, i))) continue;
    const depth = stack.map((s) => s.mark).lastIndexOf(ch);
    if (depth < 0) {
      stack.push({ at: i, mark: ch });
      continue;
    }
    // Quotes opened inside this pair and never closed are unbalanced.
    unbalanced += stack.length - depth - 1;
    const opened = stack[depth]!;
    stack.length = depth;
    pairs.push({ open: opened.at, close: i, mark: ch });
  }
  return { pairs, unbalanced: unbalanced + stack.length };
}

const QUOTES: Record<QuoteStyle, { outer: [string, string]; inner: [string, string] }> = {
  corner: { outer: ['「', '」'], inner: ['『', '』'] },
  curly: { outer: ['“', '”'], inner: ['‘', '’'] },
};

/**
 * Straight quotes around Chinese become the library's style: 「」 outside and 『』 inside for
 * `corner`, “” and ‘’ (by the mark typed) for `curly`. Quotes are paired within a line; a quote
 * without a partner is left as it is and counted, and so are English quotations.
 */
export function pairQuotes(text: string, style: QuoteStyle): { edits: TypesetEdit[]; unbalanced: number } {
  const edits: TypesetEdit[] = [];
  let unbalanced = 0;
  let from = 0;
  while (from <= text.length) {
    const end = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
    const line = pairLine(text, from, end);
    unbalanced += line.unbalanced;
    const chinese = line.pairs.filter(
      (p) =>
        HAN.test(text.slice(p.open + 1, p.close)) ||
        isCjkBefore(text[p.open - 1]) ||
        isCjkAfter(text[p.close + 1]),
    );
    for (const pair of chinese) {
      const nested = chinese.some((o) => o.open < pair.open && o.close > pair.close);
      const [open, close] =
        style === 'corner'
          ? QUOTES.corner[nested ? 'inner' : 'outer']
          : QUOTES.curly[pair.mark === '"' ? 'outer' : 'inner'];
      edits.push({ start: pair.open, removed: pair.mark, inserted: open, reason: 'quotes' });
      edits.push({ start: pair.close, removed: pair.mark, inserted: close, reason: 'quotes' });
    }
    from = end + 1;
  }
  return { edits: edits.sort((a, b) => a.start - b.start), unbalanced };
}

/** 一、 （一） (一) 1. 1、 （1） ① 第一章 and bullets: a numbered item or heading starts here. */
const HEADING_START =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、]|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分篇编卷]|[•·●■◆▲★\-*])/u;
/** A line ends its paragraph when its last mark (past closing quotes and brackets) ends a sentence. */
const SENTENCE_END = /[。！？!?…]$/u;
const TRAILING_CLOSERS = /[”’」』）)》〉】"'\s]+$/u;
const STARTS_CHINESE = /^[“‘「『（《]?[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
/** Below this share of the longest wrapped-looking line, a line is a heading, not a wrap. */
const SHORT_LINE = 0.6;

/**
 * Lines broken mid-sentence (web scrapes, OCR) joined into paragraphs. A line is joined to the
 * next when it does not end a sentence, is not a heading (a numbered line with no sentence in it,
 * or one much shorter than the wrapped lines), and the next starts with Chinese that is not a
 * numbered item. Blank lines and an indented next line (U+3000, kept) end a paragraph.
 */
export function joinHardWraps(text: string): TypesetEdit[] {
  const lines: Array<{ start: number; body: string }> = [];
  for (let at = 0; at <= text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start: at, body: text.slice(at, end) });
    at = end + 1;
  }
  const open = (body: string) => !SENTENCE_END.test(body.replace(TRAILING_CLOSERS, '')) && body.trim() !== '';
  const width = Math.max(0, ...lines.filter((l) => open(l.body)).map((l) => [...l.body.trim()].length));
  const edits: TypesetEdit[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const body = line.body.replace(/[ \t\r]+$/u, '');
    if (!open(body) || [...body.trim()].length < width * SHORT_LINE) continue;
    // A marked 小标题 stands alone, and so does the line after it.
    if (headingOf(body) || headingOf(next.body)) continue;
    if (HEADING_START.test(body.trim()) && !/[，。；,;]/u.test(body)) continue;
    const lead = /^[ \t]*/u.exec(next.body)![0];
    const rest = next.body.slice(lead.length);
    if (!STARTS_CHINESE.test(rest) || HEADING_START.test(rest)) continue;
    const start = line.start + body.length;
    edits.push({
      start,
      removed: text.slice(start, next.start + lead.length),
      inserted: '',
      reason: 'linebreaks',
    });
  }
  return edits;
}

export interface TypesetSuggestions {
  edits: TypesetEdit[];
  counts: Record<TypesetKind, number>;
  unbalancedQuotes: number;
}

/** Every typesetting cleanup of a text, in order; nothing is applied. */
export function typesetSuggestions(text: string, style: QuoteStyle): TypesetSuggestions {
  const punctuation = fullWidthPunctuation(text);
  const quotes = pairQuotes(text, style);
  const linebreaks = joinHardWraps(text);
  return {
    edits: [...punctuation, ...quotes.edits, ...linebreaks].sort((a, b) => a.start - b.start),
    counts: {
      punctuation: punctuation.length,
      quotes: quotes.edits.length,
      linebreaks: linebreaks.length,
    },
    unbalancedQuotes: quotes.unbalanced,
  };
}

/** The text with the given edits (in its own offsets, not overlapping) made. */
export function applyEdits(text: string, edits: readonly TypesetEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.inserted;
    at = edit.start + edit.removed.length;
  }
  return out + text.slice(at);
}

/** The text with the cleanups of one kind made, as a person accepted them. */
export function applyTypeset(text: string, kind: TypesetKind, style: QuoteStyle): string {
  const edits =
    kind === 'punctuation'
      ? fullWidthPunctuation(text)
      : kind === 'quotes'
        ? pairQuotes(text, style).edits
        : joinHardWraps(text);
  return applyEdits(text, edits);
}
