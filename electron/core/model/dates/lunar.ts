import { Lunar, LunarMonth, LunarYear, Solar } from 'lunar-typescript';

/**
 * 农历 dates converted to the Gregorian calendar: the days of a lunar month, a lunar day, and the
 * festivals people date things by (春节前后). The lunar wording stays as the person wrote it.
 */

function iso(solar: Solar): string {
  return solar.toYmd();
}

/** Lunar-typescript covers these years; outside them a lunar date is left unread. */
function inRange(year: number): boolean {
  return year >= 1000 && year <= 2100;
}

/** The Gregorian days of a lunar month (a leap month: `leap`), as an EDTF range of days. */
export function lunarMonth(year: number, month: number, leap = false): string | null {
  if (!inRange(year) || month < 1 || month > 12) return null;
  if (leap && LunarYear.fromYear(year).getLeapMonth() !== month) return null;
  const found = LunarMonth.fromYm(year, leap ? -month : month);
  if (!found) return null;
  const first = Solar.fromJulianDay(found.getFirstJulianDay());
  const last = Solar.fromJulianDay(found.getFirstJulianDay() + found.getDayCount() - 1);
  return `${iso(first)}/${iso(last)}`;
}

/** The Gregorian day of a lunar date, or null when the month has no such day. */
export function lunarDay(year: number, month: number, day: number, leap = false): string | null {
  if (!inRange(year) || month < 1 || month > 12 || day < 1 || day > 30) return null;
  if (leap && LunarYear.fromYear(year).getLeapMonth() !== month) return null;
  const found = LunarMonth.fromYm(year, leap ? -month : month);
  if (!found || day > found.getDayCount()) return null;
  return iso(Lunar.fromYmd(year, leap ? -month : month, day).getSolar());
}

/** The days of a whole lunar year, from its 春节 to its 除夕. */
export function lunarYear(year: number): string | null {
  if (!inRange(year)) return null;
  const first = Lunar.fromYmd(year, 1, 1).getSolar();
  const next = Lunar.fromYmd(year + 1, 1, 1).getSolar();
  return `${iso(first)}/${iso(next.next(-1))}`;
}

type Festival = { lunar: [month: number, day: number] } | { solar: [month: number, day: number] } | 'eve';

/** Festivals by the names people use; 除夕 is the last day of the lunar year, whatever its length. */
const FESTIVALS: Record<string, Festival> = {
  春节: { lunar: [1, 1] },
  过年: { lunar: [1, 1] },
  大年初一: { lunar: [1, 1] },
  元宵: { lunar: [1, 15] },
  元宵节: { lunar: [1, 15] },
  端午: { lunar: [5, 5] },
  端午节: { lunar: [5, 5] },
  七夕: { lunar: [7, 7] },
  中元节: { lunar: [7, 15] },
  中秋: { lunar: [8, 15] },
  中秋节: { lunar: [8, 15] },
  重阳: { lunar: [9, 9] },
  重阳节: { lunar: [9, 9] },
  腊八: { lunar: [12, 8] },
  小年: { lunar: [12, 23] },
  除夕: 'eve',
  大年三十: 'eve',
  元旦: { solar: [1, 1] },
  劳动节: { solar: [5, 1] },
  五一: { solar: [5, 1] },
  国庆: { solar: [10, 1] },
  国庆节: { solar: [10, 1] },
};

export const FESTIVAL_PATTERN = Object.keys(FESTIVALS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The Gregorian day of a festival in a year (the lunar year of that number for lunar ones). */
export function festivalDay(year: number, name: string): string | null {
  const festival = FESTIVALS[name];
  if (!festival || !inRange(year)) return null;
  if (festival === 'eve')
    return iso(
      Lunar.fromYmd(year + 1, 1, 1)
        .getSolar()
        .next(-1),
    );
  if ('solar' in festival) return iso(Solar.fromYmd(year, festival.solar[0], festival.solar[1]));
  return iso(Lunar.fromYmd(year, festival.lunar[0], festival.lunar[1]).getSolar());
}
