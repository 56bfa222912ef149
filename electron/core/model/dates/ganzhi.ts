/** 干支: the sixty-year cycle years are named by (甲子 … 癸亥). */

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A 干支 name, with its traditional spellings: 庚子. */
export const GANZHI_PATTERN = `[${STEMS}][${BRANCHES}]`;

/** The 干支 of a (lunar) year: 1984 → 甲子. */
export function yearGanzhi(year: number): string {
  const index = (((year - 4) % 60) + 60) % 60;
  return STEMS[index % 10]! + BRANCHES[index % 12]!;
}

/** The years from `from` to `to` named `ganzhi`: within one reign there is at most one. */
export function yearsNamed(ganzhi: string, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) if (yearGanzhi(y) === ganzhi) years.push(y);
  return years;
}
