// The recognizer reads each character on its own, so look-alikes (入 人, 己 已, 未 末) are a coin
// toss when the print is small or worn. A reader tells them apart by the word they make: 深入, not
// 深人. Where the recognizer is unsure, its alternatives are weighed by how common the words are
// that each makes with its neighbours, from jieba's word list (349,000 words with their counts in
// a large corpus, from npm; its two-character words are the ones used here).
import { readFileSync } from 'node:fs';
import type { Decoded } from './ctc';
import { packageFile } from './packageFile';

/** A character read at least this surely is left as it is. */
const SURE = 0.9;
/**
 * How much a word's commonness counts against the recognizer's likelihood: a score is
 * ln(likelihood) + WORD_WEIGHT × ln(1 + count) summed over the words with each neighbour. At 0.3 an
 * alternative a third as likely wins when its words are about ten times as common on both sides,
 * and one a tenth as likely needs about fifty times on both sides (or two thousand on one).
 */
const WORD_WEIGHT = 0.3;

const HAN = /^\p{Script=Han}$/u;

/** Two-character words and how often each occurs. */
export class WordCounts {
  private constructor(private readonly counts: Map<string, number>) {}

  /** Reads jieba's list as npm installs it (from the unpacked copy inside a packaged app). */
  static load(file = packageFile('@node-rs/jieba/package.json', 'dict.txt')): WordCounts {
    const counts = new Map<string, number>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      // "深入 4933 v": the word, its count, its part of speech.
      const [word, count] = line.split(' ');
      if (word && [...word].length === 2) counts.set(word, Number(count) || 0);
    }
    return new WordCounts(counts);
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }
}

/**
 * The line with each unsure character replaced by the alternative that makes the commoner words
 * with its neighbours, when that outweighs the recognizer's preference. `asListed` puts a pair of
 * characters into the list's script (the list is simplified; a traditional page's pairs are looked
 * up converted). A replaced character keeps the lower confidence of the two, so proofreading marks it.
 */
export function chooseByWords(line: Decoded, words: WordCounts, asListed: (pair: string) => string = (p) => p): Decoded {
  const chars = [...line.text];
  const chosen = [...chars];
  const confidence = [...line.confidence];
  const wordScore = (a: string | undefined, b: string | undefined) =>
    a && b && HAN.test(a) && HAN.test(b) ? Math.log1p(words.count(asListed(a + b))) : 0;
  chars.forEach((ch, i) => {
    const alternatives = line.alternatives[i] ?? [];
    const p = confidence[i] ?? 0;
    if (p >= SURE || alternatives.length === 0 || !HAN.test(ch)) return;
    const score = (candidate: string, likelihood: number) =>
      Math.log(Math.max(likelihood, 1e-6)) +
      WORD_WEIGHT * (wordScore(chars[i - 1], candidate) + wordScore(candidate, chars[i + 1]));
    let best = score(ch, p);
    for (const alternative of alternatives) {
      if (!HAN.test(alternative.text)) continue;
      const s = score(alternative.text, alternative.p);
      if (s > best) {
        best = s;
        chosen[i] = alternative.text;
        // A guess between look-alikes: as unsure as the less likely of the two.
        confidence[i] = Math.min(alternative.p, p);
      }
    }
  });
  return { ...line, text: chosen.join(''), confidence };
}
