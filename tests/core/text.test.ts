import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { countChars, decodeText, foldText, removePinyinAnnotations } from '../../electron/core/text';

const SAMPLES = new URL('../fixtures/', import.meta.url);
const scraped = readFileSync(new URL('zhengxie-plan-web-scraped.txt', SAMPLES), 'utf8');

describe('foldText', () => {
  it.each([
    ['許昌', '许昌'],
    ['發展', '发展'],
    ['頭髮', '头发'],
    ['乾淨', '干净'],
    ['幹部', '干部'],
    ['以後', '以后'],
    ['這裡', '这里'],
    ['ＨＩＶ１９８４', 'hiv1984'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('keeps the length of any text, so offsets map back to the original', () => {
    const text = '許昌𠀀發展 ABC（１９８４）';
    expect(foldText(text)).toHaveLength(text.length);
    expect(foldText(scraped)).toHaveLength(scraped.length);
  });
});

describe('removePinyinAnnotations', () => {
  it('removes all 379 pinyin annotations of the web-scraped sample and changes no Chinese character', () => {
    const { text, pinyinRemoved } = removePinyinAnnotations(scraped);
    expect(pinyinRemoved).toBe(379);
    const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('');
    expect(han(text)).toBe(han(scraped));
    expect(text).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
  });

  it('leaves ordinary parentheses alone', () => {
    const text = '许昌(XC)在(1984)年，会议(huiyi)';
    expect(removePinyinAnnotations(text)).toEqual({ text, pinyinRemoved: 0 });
  });
});

describe('decodeText', () => {
  it('reads the GB18030 sample as the same text as the UTF-8 one', () => {
    const decoded = decodeText(readFileSync(new URL('zhengxie-plan-gb18030.txt', SAMPLES)));
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text).toBe(scraped);
  });

  it.each(['Big5', 'UTF-16LE', 'UTF-16BE'])('detects %s', (encoding) => {
    const text = '許昌市政協文史資料委員會，一九八四年春。';
    let bytes = iconv.encode(text, encoding, { addBOM: encoding.startsWith('UTF-16') });
    if (encoding === 'UTF-16BE')
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it('reads UTF-8 with and without BOM', () => {
    const text = '许昌改革记忆';
    expect(decodeText(Buffer.from(text)).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
  });
});

describe('countChars', () => {
  it('counts characters, not spaces', () => {
    expect(countChars('许昌 改革\n记忆 1984')).toBe(10);
  });
});
