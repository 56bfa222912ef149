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
