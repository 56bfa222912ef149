import { foldText, isHan } from '../text';

/**
 * Index terms for Chinese text, after folding to simplified script:
 * - every run of Han characters gives its overlapping bigrams, plus the run's last character
 *   alone, so any 1-character query is a prefix of some term and any longer one is a chain
 *   of bigrams;
 * - Latin words and numbers are terms of their own.
 *
 * Han terms are written as fixed-width hex of their code points (`~4e2d04e0a`). MiniSearch's radix
 * tree scans a node's children one by one; raw Chinese gives the root thousands of children,
 * hex gives every node at most sixteen. Fixed width keeps a character's code a prefix of every
 * bigram that starts with it.
 */
const HAN_MARK = '~';

function hexOf(ch: string): string {
  return ch.codePointAt(0)!.toString(16).padStart(5, '0');
}

export function encodeHan(chars: string): string {
  let out = HAN_MARK;
  for (const ch of chars) out += hexOf(ch);
  return out;
}

export interface Token {
  /** The encoded term. */
  term: string;
  /** Single Han character: matches as a prefix of bigrams. */
  single: boolean;
  /** Latin word or number: matches as a prefix. */
  latin: boolean;
}

/** Splits folded text into runs of Han characters and runs of letters/digits. */
function* runs(folded: string): Generator<{ han: boolean; text: string }> {
  let han = '';
  let word = '';
  for (const ch of folded) {
    if (isHan(ch)) {
      if (word) yield { han: false, text: word };
      word = '';
      han += ch;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      if (han) yield { han: true, text: han };
      han = '';
      word += ch;
    } else {
      if (han) yield { han: true, text: han };
      if (word) yield { han: false, text: word };
      han = '';
      word = '';
    }
  }
  if (han) yield { han: true, text: han };
  if (word) yield { han: false, text: word };
}

/** Terms to index for a text. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of runs(foldText(text))) {
    if (!run.han) {
      terms.push(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i + 1 < chars.length; i++) terms.push(encodeHan(chars[i]! + chars[i + 1]!));
    terms.push(encodeHan(chars[chars.length - 1]!));
  }
  return terms;
}

/** The terms a query needs, all of which a matching document contains. */
export function queryTokens(query: string): Token[] {
  const tokens: Token[] = [];
  for (const run of runs(foldText(query))) {
    if (!run.han) {
      tokens.push({ term: run.text, single: false, latin: true });
      continue;
    }
    const chars = [...run.text];
    if (chars.length === 1) tokens.push({ term: encodeHan(chars[0]!), single: true, latin: false });
    for (let i = 0; i + 1 < chars.length; i++)
      tokens.push({ term: encodeHan(chars[i]! + chars[i + 1]!), single: false, latin: false });
  }
  return tokens;
}

/** The folded phrases (runs) of a query, each of which must occur verbatim in a match. */
export function queryPhrases(query: string): string[] {
  return [...runs(foldText(query))].map((run) => run.text);
}
