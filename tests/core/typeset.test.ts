import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  cleanupText,
  fullWidthPunctuation,
  joinHardWraps,
  pairQuotes,
  typesetSuggestions,
} from '../../electron/core/text';

const scraped = readFileSync(new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url), 'utf8');
const punct = (text: string) => applyEdits(text, fullWidthPunctuation(text));
const quotes = (text: string, style: 'corner' | 'curly' = 'curly') =>
  applyEdits(text, pairQuotes(text, style).edits);
const joined = (text: string) => applyEdits(text, joinHardWraps(text));

describe('full-width punctuation between Chinese', () => {
  it.each([
    ['我们,他们!好:是;对?', '我们，他们！好：是；对？'],
    ['胸怀“国之大者”,心系“民之所向”', '胸怀“国之大者”，心系“民之所向”'],
    ['许昌(今河南)人', '许昌（今河南）人'],
    ['(一九五八年)春', '（一九五八年）春'],
  ])('%s', (input, output) => expect(punct(input)).toBe(output));

  it.each([
    ['增长3.5倍,时间10:30开会', '增长3.5倍，时间10:30开会'],
    ['网址https://example.cn/a,b:c是', '网址https://example.cn/a,b:c是'],
    ['他说 Hello, world! 然后', '他说 Hello, world! 然后'],
    ['许昌(XC)和開(kāi)', '许昌(XC)和開(kāi)'],
    ['缺字?!钡膬了', '缺字?!钡膬了'],
  ])('leaves Latin, numbers, URLs and garbled runs alone: %s', (input, output) =>
    expect(punct(input)).toBe(output),
  );

  it('keeps U+3000', () => {
    expect(punct('\u3000\u3000第一段,开始')).toBe('\u3000\u3000第一段，开始');
  });
});

describe('straight quotes paired into the library style', () => {
  it('curly by the mark typed, corner by depth', () => {
    expect(quotes(`他说"我们要'团结'起来"。`)).toBe('他说“我们要‘团结’起来”。');
    expect(quotes(`他说"我们要'团结'起来"。`, 'corner')).toBe('他说「我们要『团结』起来」。');
  });

  it('leaves unbalanced quotes and English quotations alone, and counts the unbalanced', () => {
    const text = `他说"没有结尾。\nHe said "hello" to me. 又说"好"`;
    const result = pairQuotes(text, 'corner');
    expect(applyEdits(text, result.edits)).toBe(`他说"没有结尾。\nHe said "hello" to me. 又说「好」`);
    expect(result.unbalanced).toBe(1);
  });

  it('does not take an apostrophe for a quote', () => {
    expect(quotes(`他写了 don't 一词,"好"`)).toBe(`他写了 don't 一词,“好”`);
  });
});

describe('hard-wrapped lines joined into paragraphs', () => {
  it('joins a line broken mid-sentence and keeps headings, numbered items and indents', () => {
    const text = [
      '一、总体要求',
      '各级政协要坚持团结和民主两大主题，把',
      '协商民主贯穿履职全过程。',
      '（一）加强学习',
      '1. 学习党的二十大精神',
      '\u3000\u3000另起一段的文字，首行缩进保留',
      '深入基层调查研究：走访村镇',
      '',
      '下一段。',
    ].join('\n');
    expect(joined(text)).toBe(
      [
        '一、总体要求',
        '各级政协要坚持团结和民主两大主题，把协商民主贯穿履职全过程。',
        '（一）加强学习',
        '1. 学习党的二十大精神',
        '\u3000\u3000另起一段的文字，首行缩进保留深入基层调查研究：走访村镇',
        '',
        '下一段。',
      ].join('\n'),
    );
  });

  it('joins the sample’s “大文化”/“大文史” wrap and leaves its headings on their own lines', () => {
    const { text } = cleanupText(scraped);
    const edits = joinHardWraps(text);
    expect(edits).toHaveLength(1);
    expect(applyEdits(text, edits)).toContain('完備的“大文化”“大文史”工作格局。');
    expect(applyEdits(text, edits).split('\n')).toHaveLength(text.split('\n').length - 1);
  });
});

describe('typesetSuggestions', () => {
  it('counts each kind and applies any subset, the edits never overlapping', () => {
    const text = '他说"好",我们\n走吧!';
    const all = typesetSuggestions(text, 'curly');
    expect(all.counts).toEqual({ punctuation: 2, quotes: 2, linebreaks: 1 });
    expect(applyEdits(text, all.edits)).toBe('他说“好”，我们走吧！');
    expect(
      applyEdits(
        text,
        all.edits.filter((e) => e.reason === 'quotes'),
      ),
    ).toBe('他说“好”,我们\n走吧!');
  });
});
