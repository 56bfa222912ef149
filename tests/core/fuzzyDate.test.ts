import { describe, expect, it } from 'vitest';
import { dateRange, formatFuzzyDate, parseFuzzyDate } from '../../electron/core/model';

describe('parseFuzzyDate', () => {
  it.each([
    ['1984年春', '1984-21', '1984-03-01', '1984-05-31', '1984年春'],
    ['一九八四年冬', '1984-24', '1984-12-01', '1985-02-28', '1984年冬'],
    ['八十年代初', '1980/1983', '1980-01-01', '1983-12-31', '1980年—1983年'],
    ['90年代末', '1997/1999', '1997-01-01', '1999-12-31', '1997年—1999年'],
    ['1980年代', '198X', '1980-01-01', '1989-12-31', '1980年代'],
    ['198X', '198X', '1980-01-01', '1989-12-31', '1980年代'],
    ['1978—1985', '1978/1985', '1978-01-01', '1985-12-31', '1978年—1985年'],
    ['1978-1985', '1978/1985', '1978-01-01', '1985-12-31', '1978年—1985年'],
    ['1992年至1995年', '1992/1995', '1992-01-01', '1995-12-31', '1992年—1995年'],
    ['约1990年', '1990~', '1990-01-01', '1990-12-31', '约1990年'],
    ['1990年前后', '1990~', '1990-01-01', '1990-12-31', '约1990年'],
    ['1984?', '1984?', '1984-01-01', '1984-12-31', '1984年？'],
    ['1984', '1984', '1984-01-01', '1984-12-31', '1984年'],
    ['1984年3月', '1984-03', '1984-03-01', '1984-03-31', '1984年3月'],
    ['1984.3', '1984-03', '1984-03-01', '1984-03-31', '1984年3月'],
    ['1984年2月29日', '1984-02-29', '1984-02-29', '1984-02-29', '1984年2月29日'],
    ['二〇〇三年十二月二十六日', '2003-12-26', '2003-12-26', '2003-12-26', '2003年12月26日'],
    ['１９８４年', '1984', '1984-01-01', '1984-12-31', '1984年'],
  ])('%s → %s', (input, edtf, start, end, shown) => {
    const parsed = parseFuzzyDate(input);
    expect(parsed).toEqual({ ok: true, edtf, range: { start, end } });
    expect(formatFuzzyDate(edtf)).toBe(shown);
    // Stored values read back as themselves.
    expect(parseFuzzyDate(edtf)).toEqual(parsed);
  });

  it.each(['明天', '1985年2月29日', '1984年13月', '八十年代中后期的某天', ''])(
    'refuses %s with a hint',
    (input) => {
      const parsed = parseFuzzyDate(input);
      expect(parsed.ok).toBe(false);
    },
  );

  it('sorts and filters by the days a date covers', () => {
    const dates = ['1990~', '1984-21', '198X', '1978/1985', '1984-03-05', '1980/1983'];
    const sorted = [...dates].sort(
      (a, b) =>
        dateRange(a)!.start.localeCompare(dateRange(b)!.start) ||
        dateRange(a)!.end.localeCompare(dateRange(b)!.end),
    );
    expect(sorted).toEqual(['1978/1985', '1980/1983', '198X', '1984-21', '1984-03-05', '1990~']);
    const overlaps = (edtf: string, from: string, to: string) => {
      const r = dateRange(edtf)!;
      return r.start <= to && r.end >= from;
    };
    expect(dates.filter((d) => overlaps(d, '1984-01-01', '1984-12-31'))).toEqual([
      '1984-21',
      '198X',
      '1978/1985',
      '1984-03-05',
    ]);
  });
});
