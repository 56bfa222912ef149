/** Han ideographs (BMP blocks and the supplementary planes) plus the iteration mark 〇. */
const HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Counts characters the Chinese way: every Han character, letter or digit counts, spaces do not. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}
