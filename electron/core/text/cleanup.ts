import { detectMojibake, type MojibakeRun } from './mojibake';

/**
 * Web-scraped Chinese often carries pinyin after each character, e.g. 開(kāi)創(chuàng).
 * Only annotations that are certainly pinyin are removed: a Han character followed by a
 * parenthesised syllable made of pinyin letters with at least one tone mark (or ü).
 * Ordinary parentheses such as 许昌(XC) or (1984) are left alone.
 */
const PINYIN_ANNOTATION =
  /(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})[)）]/gu;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]/u;

export interface CleanupResult {
  text: string;
  pinyinRemoved: number;
}

export function removePinyinAnnotations(raw: string): CleanupResult {
  let pinyinRemoved = 0;
  const text = raw.replace(PINYIN_ANNOTATION, (match, syllable: string) => {
    if (!TONE_MARK.test(syllable)) return match;
    pinyinRemoved++;
    return '';
  });
  return { text, pinyinRemoved };
}

/** One change cleanup made: `removed` was taken out of the raw text at `start`. */
export interface CleanupEdit {
  start: number;
  removed: string;
  reason: 'pinyin';
}

export interface CleanedText {
  text: string;
  /** Where the raw text was changed, in raw-text offsets, in order. */
  edits: CleanupEdit[];
  /** Garbled runs, in offsets of the cleaned text: flagged, never repaired. */
  mojibake: MojibakeRun[];
}

/** Everything import does to text that arrived from the web: what is certain is cleaned, the rest is flagged. */
export function cleanupText(raw: string): CleanedText {
  const edits: CleanupEdit[] = [];
  for (const match of raw.matchAll(PINYIN_ANNOTATION)) {
    if (TONE_MARK.test(match[1]!)) edits.push({ start: match.index, removed: match[0], reason: 'pinyin' });
  }
  let text = '';
  let at = 0;
  for (const edit of edits) {
    text += raw.slice(at, edit.start);
    at = edit.start + edit.removed.length;
  }
  text += raw.slice(at);
  return { text, edits, mojibake: detectMojibake(text) };
}
