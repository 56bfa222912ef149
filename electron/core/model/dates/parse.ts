import { ERA_PATTERN } from './eras';
import { DEFAULT_PERIODS, type DatePeriod } from './periods';
import { dateRange, isEdtf, type DateRange } from './range';
import { parseSingle } from './single';

export type ParsedDate = { ok: true; edtf: string; range: DateRange } | { ok: false; message: string };

export interface ParseOptions {
  /** Named periods (清末, 文革期间 …); the built-in table when not given. */
  periods?: readonly DatePeriod[];
}

/** Range marks: 1978—1985, 1978–1985, 1978~1985, 1978至1985, 1978到1985, 1978-1985. */
const RANGE_SPLIT = /\s*(?:—{1,2}|–|－|~|～|至|到|-(?=\d{4}))\s*/;

/**
 * What the second half of a range borrows from the first when it leaves it out:
 * 民国二十六年七月至八月, 民国二十六年至三十八年, 1978—85.
 */
function secondHalves(first: string, second: string): string[] {
  const out = [second];
  if (/^\d{1,2}年?$/.test(second) && /^\d{4}/.test(first))
    out.push(first.slice(0, 4 - second.replace('年', '').length) + second.replace('年', ''));
  const era = new RegExp(`^(?:农历|阴历)?(${ERA_PATTERN})`).exec(first);
  if (era) out.push(era[0] + second);
  const year = new RegExp(
    `^(?:农历|阴历)?(?:(?:${ERA_PATTERN})[^年]{1,4}年|[\\d〇零一二三四五六七八九]{4}年)`,
  ).exec(first);
  if (year) out.push(year[0] + second);
  return out;
}

function parseRange(text: string, periods: readonly DatePeriod[]): string | null {
  const parts = text.split(RANGE_SPLIT).filter(Boolean);
  if (parts.length !== 2) return null;
  const from = parseSingle(parts[0]!, periods);
  if (!from) return null;
  for (const candidate of secondHalves(parts[0]!, parts[1]!)) {
    const to = parseSingle(candidate, periods);
    if (!to) continue;
    // From the start of the first to the end of the second, however wide each is.
    const edtf = `${from.split('/')[0]}/${to.split('/').at(-1)}`;
    if (dateRange(edtf)) return edtf;
  }
  return null;
}

/** Parses a date as a person types it; the message says how to write it when it cannot be read. */
export function parseFuzzyDate(input: string, options: ParseOptions = {}): ParsedDate {
  const text = input.trim();
  if (!text) return { ok: false, message: '日期为空' };
  if (isEdtf(text)) return { ok: true, edtf: text, range: dateRange(text)! };
  const periods = options.periods ?? DEFAULT_PERIODS;
  // The whole first: some words hold a range mark (至正十年, 至元).
  const edtf = parseSingle(text, periods) ?? parseRange(text, periods);
  const range = edtf ? dateRange(edtf) : null;
  if (!edtf || !range)
    return {
      ok: false,
      message: `无法识别的日期「${text}」，将按原文保存。可写作 1984年3月、1984年春、八十年代初、1978—1985、约1990年、民国二十六年、光绪庚子年、文革期间`,
    };
  return { ok: true, edtf, range };
}
