// A page printed in traditional characters comes back from the recognizer partly simplified: its
// dictionary lacks many traditional forms (黨 責 議), and it prefers the simplified one of a pair
// that looks alike (強 → 强). The page's script is told from the text read, and a traditional page
// has its simplified characters put back in traditional, one character for one.
import * as OpenCC from 'opencc-js';
import type { OcrLine } from '../model';

export type PageScript = 'simplified' | 'traditional';

/** A page is traditional when at least this share of its script-specific characters are traditional. */
const TRADITIONAL_SHARE = 0.4;
/** …and has at least this many of them (a simplified page quoting a word or two stays simplified). */
const MIN_TRADITIONAL = 3;

interface Tables {
  toSimplified: (text: string) => string;
  /** Phrase by phrase, as Taiwan prints: measured closest to traditional print of the three variants. */
  toTraditional: (text: string) => string;
  /** Simplified forms that are also standard traditional characters (征 于 斗 后 里 …). */
  alsoTraditional: Set<string>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const [[phrases, characters]] = OpenCC.Locale.from.cn as unknown as [[string, string]];
  const single = new Map(characters.split('|').map((entry) => entry.split(' ') as [string, string]));
  // A character that some phrase keeps as it is in traditional (长征 → 長征) is a traditional character too.
  const alsoTraditional = new Set<string>();
  for (const entry of phrases.split('|')) {
    const [s, t] = entry.split(' ').map((x) => [...x]) as [string[], string[]];
    if (s.length !== t.length) continue;
    s.forEach((ch, i) => {
      if (t[i] === ch && single.has(ch) && single.get(ch) !== ch) alsoTraditional.add(ch);
    });
  }
  tables = {
    toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    alsoTraditional,
  };
  return tables;
}

/**
 * How much likelier a traditional-only character (or the simplified stand-in for a traditional form
 * the recognizer lacks) is on a traditional page. Measured: 10 to 30 took the traditional pages'
 * character errors down by a seventh; 1000 made them worse.
 */
const TRADITIONAL_PRIOR = 10;

/**
 * Weights by recognizer class (class k is dictionary[k - 1]) for reading a traditional page again:
 * its traditional-only characters, and the simplified ones that stand in for traditional forms the
 * recognizer does not know (党 for 黨), weigh more.
 */
export function traditionalPrior(dictionary: string[], known: ReadonlySet<string>): Float32Array {
  const { toSimplified, toTraditional: convert } = load();
  const prior = new Float32Array(dictionary.length + 1).fill(1);
  dictionary.forEach((ch, i) => {
    const traditional = convert(ch);
    if (toSimplified(ch) !== ch || (traditional !== ch && !known.has(traditional))) prior[i + 1] = TRADITIONAL_PRIOR;
  });
  return prior;
}

/** Text in simplified characters, phrase by phrase. */
export function toSimplified(text: string): string {
  return load().toSimplified(text);
}

/** Counts the characters that only traditional print has and those that only simplified print has. */
export function scriptCounts(text: string): { traditional: number; simplified: number } {
  const { toSimplified, toTraditional } = load();
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (toSimplified(ch) !== ch) traditional++;
    else if (toTraditional(ch) !== ch) simplified++;
  }
  return { traditional, simplified };
}

/**
 * The page's script, from its text as read. The recognizer returns a traditional page with a
 * share of its characters simplified, but a simplified page with none traditional.
 */
export function pageScript(text: string): PageScript {
  const { traditional, simplified } = scriptCounts(text);
  return traditional >= MIN_TRADITIONAL && traditional >= TRADITIONAL_SHARE * (traditional + simplified)
    ? 'traditional'
    : 'simplified';
}

/**
 * A line read from a traditional page, in traditional: each simplified character becomes the
 * traditional one its phrase calls for, unless it is itself a traditional character the
 * recognizer could have told apart (`known` holds the characters it can read: reading 征 where it
 * knows 徵 means the page says 征). The same number of characters, so confidences still line up.
 */
export function toTraditional(text: string, known: ReadonlySet<string>): string {
  const { toTraditional: convert, alsoTraditional } = load();
  const read = [...text];
  let converted = [...convert(text)];
  // Phrase tables map one character to one in practice; should one not, go character by character.
  if (converted.length !== read.length) converted = read.map((ch) => convert(ch)).map((ch) => ([...ch].length === 1 ? ch : ''));
  return read
    .map((ch, i) => {
      const t = converted[i] || ch;
      return t !== ch && alsoTraditional.has(ch) && known.has(t) ? ch : t;
    })
    .join('');
}

/** The page's lines in its own script: a traditional page's simplified characters made traditional. */
export function inPageScript(lines: OcrLine[], known: ReadonlySet<string>): { script: PageScript; lines: OcrLine[] } {
  const script = pageScript(lines.map((l) => l.text).join(''));
  if (script === 'simplified') return { script, lines };
  return { script, lines: lines.map((line) => ({ ...line, text: toTraditional(line.text, known) })) };
}
