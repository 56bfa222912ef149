import { eraNamed, ERA_PATTERN, REPUBLIC } from './eras';
import { GANZHI_PATTERN, yearGanzhi, yearsNamed } from './ganzhi';
import { festivalDay, FESTIVAL_PATTERN, lunarDay, lunarMonth } from './lunar';
import { asciiDigits } from './numerals';
import { periodNamed, type DatePeriod } from './periods';
import { dateRange, lastDay, pad, qualify } from './range';

const SEASONS: Record<string, number> = { 春: 21, 夏: 22, 秋: 23, 冬: 24 };

/** Parts of a decade, as years from its start: 八十年代初 → 1980–1983. */
const DECADE_PARTS: Record<string, [number, number]> = {
  初: [0, 3],
  初期: [0, 3],
  早期: [0, 3],
  前期: [0, 4],
  前半期: [0, 4],
  中: [4, 6],
  中期: [4, 6],
  中叶: [4, 6],
  中前期: [2, 5],
  中后期: [5, 9],
  后半期: [5, 9],
  末: [7, 9],
  末期: [7, 9],
  后期: [6, 9],
};
/** Parts of a century, as years from its start: 二十世纪初 → 1900–1919. */
const CENTURY_PARTS: Record<string, [number, number]> = {
  初: [0, 19],
  初叶: [0, 19],
  初期: [0, 19],
  上半叶: [0, 49],
  前期: [0, 32],
  中叶: [40, 69],
  中期: [33, 66],
  下半叶: [50, 99],
  后期: [67, 99],
  末: [80, 99],
  末叶: [80, 99],
  末期: [80, 99],
};
const DECADE_PART = Object.keys(DECADE_PARTS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const CENTURY_PART = Object.keys(CENTURY_PARTS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The words that make a date approximate (`~`) or uncertain (`?`), and what they leave. */
function qualifierOf(input: string): { text: string; qualifier: string } {
  let s = input.trim();
  let about = false;
  let perhaps = false;
  const strip = (re: RegExp, flag: 'about' | 'perhaps') => {
    if (!re.test(s)) return;
    s = s.replace(re, '').trim();
    if (flag === 'about') about = true;
    else perhaps = true;
  };
  for (let i = 0; i < 2; i++) {
    strip(/^(约在|约于|约|大约|大概|大致|估计|大抵)/, 'about');
    strip(/(前后|左右|上下|许|[~～])$/, 'about');
    strip(/^(可能是|可能|或为|疑为|似为|或许)/, 'perhaps');
    strip(/[?？]$/, 'perhaps');
  }
  return { text: s, qualifier: about && perhaps ? '%' : about ? '~' : perhaps ? '?' : '' };
}

/** 农历 words: a date written with them is a lunar one. */
const LUNAR_MARK = /正月|腊月|臘月|冬月|闰|初[一二三四五六七八九十]|廿|卅/;

/** Within a known year: a season, a festival, a month (lunar or not), a day, 年初/年底, 上旬. */
function withinYear(year: number, rest: string, lunar: boolean): string | null {
  const y = pad(year, 4);
  if (rest === '' || rest === '年' || rest === '全年') return y;
  let m = /^(春|夏|秋|冬)(季|天)?$/.exec(rest);
  if (m) return `${y}-${SEASONS[m[1]!]}`;
  m = new RegExp(`^(${FESTIVAL_PATTERN})$`).exec(rest);
  if (m) return festivalDay(year, m[1]!);
  if (/^(年初|初)$/.test(rest)) return `${y}-01/${y}-03`;
  if (/^(年底|年末|底|末|岁末|年终)$/.test(rest)) return `${y}-10/${y}-12`;
  if (rest === '上半年') return `${y}-01/${y}-06`;
  if (rest === '下半年') return `${y}-07/${y}-12`;
  if (rest === '年中') return `${y}-05/${y}-08`;
  m = /^(闰)?(\d{1,2})月(?:(\d{1,2})[日号]?|(上旬|中旬|下旬|初|中|底|末))?$/.exec(rest);
  if (m) {
    const [, leap, mo, d, part] = m;
    const month = Number(mo);
    if (lunar || leap) {
      if (d) return lunarDay(year, month, Number(d), Boolean(leap));
      const whole = lunarMonth(year, month, Boolean(leap));
      if (!whole || !part) return whole;
      const [from, to] = /上旬|初/.test(part) ? [1, 10] : /中/.test(part) ? [11, 20] : [21, 30];
      const first = lunarDay(year, month, from, Boolean(leap));
      const last = lunarDay(year, month, to, Boolean(leap)) ?? whole.split('/')[1]!;
      return first ? `${first}/${last}` : null;
    }
    if (month < 1 || month > 12) return null;
    if (d) return `${y}-${pad(month)}-${pad(Number(d))}`;
    if (!part) return `${y}-${pad(month)}`;
    const [from, to] = /上旬|初/.test(part)
      ? [1, 10]
      : /中/.test(part)
        ? [11, 20]
        : [21, lastDay(year, month)];
    return `${y}-${pad(month)}-${pad(from)}/${y}-${pad(month)}-${pad(to)}`;
  }
  // 1984.3.5, 1984-03-05, 1984/3
  m = /^[-./](\d{1,2})(?:[-./](\d{1,2}))?$/.exec(rest);
  if (m) return `${y}-${pad(Number(m[1]))}` + (m[2] ? `-${pad(Number(m[2]))}` : '');
  return null;
}

/** 光绪二十六年五月, 光绪庚子年, 民国三十八年, 乾隆年间. */
function eraDate(s: string, lunar: boolean): string | null {
  const whole = new RegExp(`^(${ERA_PATTERN})(年间|时期|朝|间)$`).exec(s);
  if (whole) {
    const era = eraNamed(whole[1]!)!;
    return era === REPUBLIC ? '1912/1949' : `${era.start}/${era.end}`;
  }
  const m = new RegExp(`^(${ERA_PATTERN})(?:(\\d{1,3})年)?(?:(${GANZHI_PATTERN})年?)?(.*)$`).exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  const era = eraNamed(m[1]!)!;
  let year: number;
  if (m[2]) {
    const n = Number(m[2]);
    // An era often changed mid-year, so one year past its end is still read (天宝十五载).
    if (n < 1 || era.start + n - 1 > era.end + 1) return null;
    year = era.start + n - 1;
    if (m[3] && yearGanzhi(year) !== m[3]) return null;
  } else {
    const years = yearsNamed(m[3]!, era.start, Math.min(era.end, era.start + 120));
    if (years.length !== 1) return null;
    year = years[0]!;
  }
  // 民国 dates were kept by the Gregorian calendar; reign dates by the lunar one.
  return withinYear(year, m[4]!, era === REPUBLIC ? lunar : true);
}

/** 八十年代初, 1950年代, 上世纪五十年代末, 二十世纪初, 198X, 五六十年代. */
function decadeOrCentury(s: string): string | null {
  let m = /^(\d{3})[Xx]$/.exec(s);
  if (m) return `${m[1]}X`;
  m = new RegExp(`^(?:(上个?世纪)|(\\d{2})世纪)?(\\d)0年代(${DECADE_PART})?$`).exec(s);
  const m4 = m ? null : new RegExp(`^(\\d{3})0年代(${DECADE_PART})?$`).exec(s);
  if (m || m4) {
    const start = m ? (m[2] ? Number(m[2]) - 1 : 19) * 100 + Number(m[3]) * 10 : Number(m4![1]) * 10;
    const part = m ? m[4] : m4![2];
    if (!part) return `${String(start).slice(0, 3)}X`;
    const [from, to] = DECADE_PARTS[part]!;
    return `${start + from}/${start + to}`;
  }
  m = new RegExp(`^(?:(上个?世纪)|(\\d{2})世纪)(${CENTURY_PART})?$`).exec(s);
  if (m) {
    const start = (m[2] ? Number(m[2]) - 1 : 19) * 100;
    if (!m[3]) return `${String(start).slice(0, 2)}XX`;
    const [from, to] = CENTURY_PARTS[m[3]]!;
    return `${pad(start + from, 4)}/${pad(start + to, 4)}`;
  }
  return null;
}

/** 五六十年代 → 1950–1969: two decades written as one word. */
function twoDecades(s: string): string | null {
  const m = /^(?:上个?世纪|二十世纪)?([一二三四五六七八九])([一二三四五六七八九])十年代$/.exec(s);
  if (!m) return null;
  const digits = '一二三四五六七八九';
  const [a, b] = [digits.indexOf(m[1]!) + 1, digits.indexOf(m[2]!) + 1];
  return b === a + 1 ? `19${a}X/19${b}X` : null;
}

/** One date as a person writes it, without range marks, as EDTF; null when it cannot be read. */
export function parseSingle(input: string, periods: readonly DatePeriod[]): string | null {
  const { text, qualifier } = qualifierOf(input.replace(/^公元/, ''));
  if (!text) return null;
  const period = periodNamed(text, periods);
  if (period) return dateRange(period.edtf) ? qualify(period.edtf, qualifier) : null;
  const pair = twoDecades(text);
  if (pair) return qualify(pair, qualifier);

  const calendar = /^(农历|阴历|旧历|夏历)/.exec(text);
  const lunar = Boolean(calendar) || LUNAR_MARK.test(text);
  const s = asciiDigits(text.slice(calendar ? calendar[0].length : 0).trim());
  const edtf =
    eraDate(s, lunar) ??
    decadeOrCentury(s) ??
    (() => {
      const m = /^(\d{4})(?:年)?(.*)$/.exec(s);
      return m ? withinYear(Number(m[1]), m[2]!.trim(), lunar) : null;
    })();
  return edtf && dateRange(edtf) ? qualify(edtf, qualifier) : null;
}
