import { describe, expect, it } from 'vitest';
import type { Decoded } from '../../electron/core/ocr/ctc';
import { toSimplified } from '../../electron/core/ocr/script';
import { chooseByWords, WordCounts } from '../../electron/core/ocr/wordContext';

/** A line as the recognizer decodes it: each character with its likelihood and its alternatives. */
function line(chars: [string, number, Record<string, number>?][]): Decoded {
  return {
    text: chars.map(([ch]) => ch).join(''),
    confidence: chars.map(([, p]) => p),
    score: 0.9,
    alternatives: chars.map(([, , alternatives = {}]) => Object.entries(alternatives).map(([text, p]) => ({ text, p }))),
  };
}

describe('telling look-alike characters apart by the words they make', () => {
  const words = WordCounts.load();

  it("reads jieba's two-character words from npm", () => {
    expect(words.count('深入')).toBeGreaterThan(1000);
    expect(words.count('深人')).toBe(0);
  });

  it('takes the alternative that makes a common word with its neighbours, and marks it unsure', () => {
    const read = chooseByWords(line([['深', 0.99], ['人', 0.67, { 入: 0.33 }], ['学', 0.99], ['习', 0.99]]), words);
    expect(read.text).toBe('深入学习');
    expect(read.confidence[1]).toBe(0.33);
  });

  it("keeps the recognizer's character where its words are as good, and a character it is sure of", () => {
    const people = line([['人', 0.67, { 入: 0.33 }], ['民', 0.99]]);
    expect(chooseByWords(people, words)).toEqual(people);
    const sure = line([['深', 0.99], ['人', 0.95, { 入: 0.05 }], ['学', 0.99]]);
    expect(chooseByWords(sure, words).text).toBe('深人学');
  });

  it("looks a traditional page's words up in simplified", () => {
    const read = line([['深', 0.99], ['人', 0.67, { 入: 0.33 }], ['學', 0.99], ['習', 0.99]]);
    expect(chooseByWords(read, words, toSimplified).text).toBe('深入學習');
  });

  it('leaves punctuation and Latin letters alone', () => {
    const read = line([['深', 0.99], ['，', 0.5, { 入: 0.4 }], ['A', 0.5, { 入: 0.4 }]]);
    expect(chooseByWords(read, words).text).toBe('深，A');
  });
});
