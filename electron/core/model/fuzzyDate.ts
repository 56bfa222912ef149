/**
 * Fuzzy dates as archives write them, stored as a subset of EDTF (ISO 8601-2):
 * `1984`, `1984-03`, `1984-03-05`, seasons `1984-21`…`1984-24` (spring…winter), decades `198X`,
 * uncertain `1984?`, approximate `1984~`, ranges `1978/1985`.
 * People type them in Chinese: 「1984年春」「八十年代初」「1978—1985」「约1990年」.
 */

export interface DateRange {
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD. */
  end: string;
}

export type ParsedDate = { ok: true; edtf: string; range: DateRange } | { ok: false; message: string };

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SEASONS: Record<string, number> = { 春: 21, 夏: 22, 秋: 23, 冬: 24 };
// Northern-hemisphere meteorological seasons; winter runs into the next year.
const SEASON_MONTHS: Record<number, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14] };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, d: number): string {
  // Months past 12 roll into the next year (winter).
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Converts Chinese numerals and full-width digits in a date to ASCII: 一九八四 → 1984, 十二 → 12. */
function asciiDigits(text: string): string {
  let s = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // 二十三日, 十二月, 十日: the tens forms first.
  s = s.replace(/([一二三]?)十([一二三四五六七八九]?)(?=[日号月])/g, (_, tens: string, units: string) =>
    String((tens ? CN_DIGITS[tens]! : 1) * 10 + (units ? CN_DIGITS[units]! : 0)),
  );
  s = s.replace(/[〇零一二三四五六七八九]{2,4}(?=年)/g, (run) => [...run].map((c) => CN_DIGITS[c]).join(''));
  s = s.replace(/([〇零一二三四五六七八九])(?=[月日号])/g, (c) => String(CN_DIGITS[c]));
  return s;
}

/** The days an EDTF value (without qualifiers or ranges) covers. */
function rangeOfSimple(edtf: string): DateRange | null {
  let m = /^(\d{3})X$/.exec(edtf);
  if (m) {
    const y = Number(m[1]) * 10;
    return { start: day(y, 1, 1), end: day(y + 9, 12, 31) };
  }
  m = /^(\d{4})$/.exec(edtf);
  if (m) return { start: day(Number(m[1]), 1, 1), end: day(Number(m[1]), 12, 31) };
  m = /^(\d{4})-(\d{2})$/.exec(edtf);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo >= 21 && mo <= 24) {
      const [from, to] = SEASON_MONTHS[mo]!;
      const endYear = y + Math.floor((to - 1) / 12);
      const endMonth = ((to - 1) % 12) + 1;
      return { start: day(y, from, 1), end: day(endYear, endMonth, lastDay(endYear, endMonth)) };
    }
    if (mo < 1 || mo > 12) return null;
    return { start: day(y, mo, 1), end: day(y, mo, lastDay(y, mo)) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(edtf);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
    return { start: day(y, mo, d), end: day(y, mo, d) };
  }
  return null;
}

/** The days covered by a stored EDTF value, qualifiers ignored; null if it is not one we write. */
export function dateRange(edtf: string): DateRange | null {
  const parts = edtf.split('/');
  if (parts.length === 2) {
    const from = rangeOfSimple(parts[0]!.replace(/[?~%]$/, ''));
    const to = rangeOfSimple(parts[1]!.replace(/[?~%]$/, ''));
    return from && to && from.start <= to.end ? { start: from.start, end: to.end } : null;
  }
  return rangeOfSimple(edtf.replace(/[?~%]$/, ''));
}

/** One date written in Chinese or ISO form, without range marks, as EDTF. */
function parseSingle(input: string): string | null {
  let s = asciiDigits(input.trim());
  let qualifier = '';
  if (/^(约|大约|大概|约在|约于)/.test(s) || /(前后|左右)$/.test(s)) qualifier = '~';
  if (/[?？]$|^(可能|或为)/.test(s)) qualifier = '?';
  s = s
    .replace(/^(约在|约于|大约|大概|约|可能|或为)/, '')
    .replace(/(前后|左右|[?？~])$/, '')
    .trim();

  // Decades: 198X, 1980年代, 八十年代 (twentieth century), 八十年代初/中/末.
  let m = /^(\d{3})[Xx]$/.exec(s);
  if (m) return `${m[1]}X${qualifier}`;
  m =
    /^(?:(\d{2})世纪)?(\d{2}|[一二三四五六七八九]十)年代(初|初期|中|中期|末|末期|后期)?$/.exec(s) ??
    /^(\d{4})年代(初|初期|中|中期|末|末期|后期)?$/.exec(s);
  if (m) {
    let decadeStart: number;
    let part: string | undefined;
    if (m.length === 3) {
      decadeStart = Number(m[1]);
      part = m[2];
    } else {
      const century = m[1] ? Number(m[1]) - 1 : 19;
      const tens = /\d/.test(m[2]!) ? Number(m[2]) : CN_DIGITS[m[2]![0]!]! * 10;
      decadeStart = century * 100 + tens;
      part = m[3];
    }
    if (decadeStart % 10 !== 0) return null;
    if (!part) return `${String(decadeStart).slice(0, 3)}X${qualifier}`;
    const [from, to] = part.startsWith('初') ? [0, 3] : part.startsWith('中') ? [4, 6] : [7, 9];
    return `${decadeStart + from}${qualifier}/${decadeStart + to}${qualifier}`;
  }
  // 1984年春, 1984年3月5日, 1984.3.5, 1984-03-05, 1984/3
  m = /^(\d{4})(?:年|[-.])?(?:(春|夏|秋|冬)(?:季|天)?|(\d{1,2})(?:月|[-.]|$)(?:(\d{1,2})(?:日|号)?)?)?$/.exec(
    s,
  );
  if (m) {
    const [, y, season, mo, d] = m;
    let edtf = y!;
    if (season) edtf += `-${SEASONS[season]}`;
    else if (mo) edtf += `-${pad(Number(mo))}` + (d ? `-${pad(Number(d))}` : '');
    return rangeOfSimple(edtf) ? edtf + qualifier : null;
  }
  return null;
}

/** Parses a date as a person types it; the message says how to write it when it cannot be read. */
export function parseFuzzyDate(input: string): ParsedDate {
  const text = input.trim();
  if (!text) return { ok: false, message: '日期为空' };
  // Already EDTF (as stored)?
  if (/^[\dX?~%/-]+$/.test(text) && dateRange(text)) return { ok: true, edtf: text, range: dateRange(text)! };
  const parts = text.split(/\s*(?:—{1,2}|–|~|～|至|到|-(?=\d{4}))\s*/).filter(Boolean);
  let edtf: string | null = null;
  if (parts.length === 2 && !/年代/.test(parts[0]!)) {
    const from = parseSingle(parts[0]!);
    const to = parseSingle(
      /^\d{1,2}年?$/.test(parts[1]!) ? parts[0]!.slice(0, 2) + parts[1]!.replace('年', '') : parts[1]!,
    );
    edtf = from && to ? `${from}/${to}` : null;
  } else if (parts.length === 1) {
    edtf = parseSingle(text);
  }
  const range = edtf ? dateRange(edtf) : null;
  if (!edtf || !range)
    return {
      ok: false,
      message: `无法识别的日期「${text}」，可写作 1984、1984年3月、1984年春、八十年代初、1978—1985、约1990年`,
    };
  return { ok: true, edtf, range };
}

/** A stored date as people read it: 1984-21 → 1984年春, 1978/1985 → 1978—1985. */
export function formatFuzzyDate(edtf: string): string {
  const one = (part: string): string => {
    const q = /[?~%]$/.exec(part)?.[0] ?? '';
    const core = part.replace(/[?~%]$/, '');
    const prefix = q === '~' ? '约' : '';
    const suffix = q === '?' ? '？' : '';
    let m = /^(\d{3})X$/.exec(core);
    if (m) return `${prefix}${m[1]}0年代${suffix}`;
    m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(core);
    if (!m) return part;
    const [, y, mo, d] = m;
    const season = { '21': '春', '22': '夏', '23': '秋', '24': '冬' }[mo ?? ''];
    const body = season
      ? `${y}年${season}`
      : `${y}年` + (mo ? `${Number(mo)}月` : '') + (d ? `${Number(d)}日` : '');
    return prefix + body + suffix;
  };
  return edtf.split('/').map(one).join('—');
}
