import { describe, expect, it } from 'vitest';
import { titleLines } from '../../electron/core/compile/titleBreak';

/** One em for a Chinese character, half for a digit or Latin letter, at size 10. */
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 5 : 10), 0);
const broken = (text: string, ems: number) =>
  titleLines(text, measure, ems * 10, 10).map((line) => line.units.map((u) => u.text).join(''));

describe('titles and captions broken where a reader pauses', () => {
  it('keeps 许昌市 whole and breaks at the dash', () => {
    expect(broken('新时代新征程中政协文史工作的使命担当——许昌市政协未来五年工作思路', 22)).toEqual([
      '新时代新征程中政协文史工作的使命担当——',
      '许昌市政协未来五年工作思路',
    ]);
  });

  it('keeps an ordinal 第 with its number: 第一批, never 第／一批', () => {
    const lines = broken('1984年春，许昌发制品厂第一批工人在厂门前合影', 14);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.endsWith('第')).toBe(false);
    expect(lines.join('')).toBe('1984年春，许昌发制品厂第一批工人在厂门前合影');
    expect(broken('许昌县发制品厂第三次职工代表大会纪念合影', 12).every((l) => !l.endsWith('第'))).toBe(true);
  });
});
