/**
 * The EDTF (ISO 8601-2) subset dates are stored in, and the days a value covers:
 * `1984`, `1984-03`, `1984-03-05`, seasons `1984-21`…`1984-24` (spring…winter), decades `198X`,
 * centuries `19XX`, uncertain `1984?`, approximate `1984~`, both `1984%`, ranges `1978/1985`.
 */

export interface DateRange {
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD. */
  end: string;
}

// Northern-hemisphere meteorological seasons; winter runs into the next year.
const SEASON_MONTHS: Record<number, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14] };

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function lastDay(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function day(year: number, month: number, d: number): string {
  // Months past 12 roll into the next year (winter).
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The days an EDTF value (without qualifiers or ranges) covers. */
function rangeOfSimple(edtf: string): DateRange | null {
  let m = /^(\d{2})XX$/.exec(edtf);
  if (m) {
    const y = Number(m[1]) * 100;
    return { start: day(y, 1, 1), end: day(y + 99, 12, 31) };
  }
  m = /^(\d{3})X$/.exec(edtf);
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

const QUALIFIER = /[?~%]$/;

/** The days covered by a stored EDTF value, qualifiers ignored; null if it is not one we write. */
export function dateRange(edtf: string): DateRange | null {
  const parts = edtf.split('/');
  if (parts.length === 2) {
    const from = rangeOfSimple(parts[0]!.replace(QUALIFIER, ''));
    const to = rangeOfSimple(parts[1]!.replace(QUALIFIER, ''));
    return from && to && from.start <= to.end ? { start: from.start, end: to.end } : null;
  }
  return parts.length === 1 ? rangeOfSimple(edtf.replace(QUALIFIER, '')) : null;
}

/** Whether a text is already a stored EDTF value (as older data and CSV files have dates). */
export function isEdtf(text: string): boolean {
  return /^[\dX?~%/-]+$/.test(text) && dateRange(text) !== null;
}

/** Adds a qualifier (`~` about, `?` perhaps, `%` both) to each end of an EDTF value. */
export function qualify(edtf: string, qualifier: string): string {
  if (!qualifier) return edtf;
  return edtf
    .split('/')
    .map((part) => {
      const had = QUALIFIER.exec(part)?.[0] ?? '';
      const core = part.replace(QUALIFIER, '');
      const both = had && had !== qualifier ? '%' : qualifier;
      return core + both;
    })
    .join('/');
}
