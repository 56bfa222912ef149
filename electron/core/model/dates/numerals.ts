/**
 * Chinese numerals as dates use them: 一九八四 (digit by digit), 二十六 / 廿六 / 卅 (by value),
 * 元年 (the first year of an era), 正月 / 腊月 / 冬月 (lunar month names), 初五 (lunar days).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters a Chinese numeral is written with. */
export const NUMERAL_CHARS = '〇零○Ｏ一二两三四五六七八九十廿卅百千';

/**
 * The value of a Chinese numeral: 二十六 → 26, 廿六 → 26, 一百零一 → 101, 一九八四 → 1984 (a run
 * without 十/百 reads digit by digit, as years are written). Null when it is not one.
 */
export function chineseNumber(text: string): number | null {
  if (!text || [...text].some((c) => !NUMERAL_CHARS.includes(c))) return null;
  if (!/[十廿卅百千]/.test(text)) {
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const c of text) {
    if (c in DIGITS) current = DIGITS[c]!;
    else if (c === '千' || c === '百') {
      total += (current || 1) * (c === '千' ? 1000 : 100);
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === '廿') total += 20;
    else if (c === '卅') total += 30;
  }
  return total + current;
}

/** Lunar month names that are not numbers. */
const MONTH_NAMES: Record<string, number> = { 正: 1, 端: 5, 冬: 11, 腊: 12, 臘: 12 };

/**
 * Rewrites the numbers of a date in ASCII digits so one grammar reads every spelling:
 * full-width digits, 一九八四年, 二十六年, 元年, 正月/腊月/冬月, 初五/廿三日, 二十世纪, 八十年代.
 * Words that only look like numbers (三年困难时期) are matched as named periods before this runs.
 */
export function asciiDigits(input: string): string {
  let s = input.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/元年/g, '1年');
  s = s.replace(/([正端冬腊臘])月/g, (_, name: string) => `${MONTH_NAMES[name]}月`);
  // 初一 … 初十: lunar days; the day mark is implied.
  s = s.replace(
    /(?<!大年)初([一二三四五六七八九十])(?![十年月])/g,
    (_, d: string) => `${chineseNumber(d)}日`,
  );
  const run = `[${NUMERAL_CHARS}]+`;
  s = s.replace(new RegExp(`(${run})(?=年|月|日|号|世纪|周年)`, 'g'), (numeral: string) => {
    const value = chineseNumber(numeral);
    return value === null ? numeral : String(value);
  });
  // 廿三 with no mark after it, at the end (腊月廿三).
  s = s.replace(new RegExp(`(?<=月)(${run})$`), (numeral: string) => `${chineseNumber(numeral)}日`);
  return s;
}
