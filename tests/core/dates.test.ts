import { describe, expect, it } from 'vitest';
import {
  dateRange,
  dateText,
  dateWarnings,
  DEFAULT_PERIODS,
  formatFuzzyDate,
  isUnreadable,
  itemDateWarnings,
  ItemFieldsSchema,
  parseFuzzyDate,
  toFuzzyDate,
  unreadableDates,
  withDatesRead,
} from '../../electron/core/model';

/** Expressions as 文史 workers write them, and the EDTF each is read as. */
const TABLE: [string, string][] = [
  ['1984', '1984'],
  ['1984年', '1984'],
  ['1984年3月', '1984-03'],
  ['1984年3月5日', '1984-03-05'],
  ['1984.3.5', '1984-03-05'],
  ['1984/3', '1984-03'],
  ['１９８４年', '1984'],
  ['一九八四年', '1984'],
  ['二〇〇三年十二月二十六日', '2003-12-26'],
  ['1984年春', '1984-21'],
  ['1984年冬', '1984-24'],
  ['一九八四年秋天', '1984-23'],
  ['1984年初', '1984-01/1984-03'],
  ['1984年底', '1984-10/1984-12'],
  ['1984年上半年', '1984-01/1984-06'],
  ['1984年3月上旬', '1984-03-01/1984-03-10'],
  ['1984年5月中旬', '1984-05-11/1984-05-20'],
  ['1984年12月下旬', '1984-12-21/1984-12-31'],
  ['约1990年', '1990~'],
  ['1990年前后', '1990~'],
  ['1990年左右', '1990~'],
  ['大约1984年前后', '1984~'],
  ['可能1984年', '1984?'],
  ['1984年？', '1984?'],
  ['约1984年？', '1984%'],
  ['1978—1985', '1978/1985'],
  ['1978-1985', '1978/1985'],
  ['1978–1985', '1978/1985'],
  ['1978~1985', '1978/1985'],
  ['1992年至1995年', '1992/1995'],
  ['1978到1985年', '1978/1985'],
  ['1978—85', '1978/1985'],
  ['1937年7月至8月', '1937-07/1937-08'],
  ['八十年代', '198X'],
  ['八十年代初', '1980/1983'],
  ['80年代中期', '1984/1986'],
  ['九十年代末', '1997/1999'],
  ['八十年代中后期', '1985/1989'],
  ['1980年代', '198X'],
  ['上世纪五十年代', '195X'],
  ['二十世纪五十年代', '195X'],
  ['20世纪50年代初', '1950/1953'],
  ['上世纪五十年代末', '1957/1959'],
  ['五六十年代', '195X/196X'],
  ['二十世纪', '19XX'],
  ['二十世纪初', '1900/1919'],
  ['上世纪中叶', '1940/1969'],
  ['民国元年', '1912'],
  ['民国三十八年', '1949'],
  ['民国二十六年七月', '1937-07'],
  ['民国三十八年四月二十三日', '1949-04-23'],
  ['中华民国二十年', '1931'],
  ['民国二十六年至三十八年', '1937/1949'],
  ['光绪二十六年', '1900'],
  ['光绪庚子年', '1900'],
  ['光绪二十六年庚子', '1900'],
  ['乾隆五十年', '1785'],
  ['乾隆年间', '1736/1795'],
  ['康熙六十一年', '1722'],
  ['宣统三年', '1911'],
  ['顺治元年', '1644'],
  ['万历十五年', '1587'],
  ['崇祯十七年', '1644'],
  ['洪武元年', '1368'],
  ['贞观元年', '0627'],
  ['绍兴十二年', '1142'],
  ['至正十年', '1350'],
  ['光绪二十六年五月初五', '1900-06-01'],
  ['乾隆五十年正月', '1785-02-09/1785-03-10'],
  ['农历1984年正月初五', '1984-02-06'],
  ['一九八四年腊月', '1985-01-21/1985-02-19'],
  ['农历1984年八月十五', '1984-09-10'],
  ['1984年腊月廿三', '1985-02-12'],
  ['1984年闰十月', '1984-11-23/1984-12-21'],
  ['1984年春节', '1984-02-02'],
  ['1984年春节前后', '1984-02-02~'],
  ['1984年中秋', '1984-09-10'],
  ['1984年除夕', '1985-02-19'],
  ['1984年国庆', '1984-10-01'],
  ['清末', '1901/1911'],
  ['晚清', '1840/1911'],
  ['民国初年', '1912/1916'],
  ['抗战时期', '1937-07/1945-09'],
  ['抗日战争时期', '1937-07/1945-09'],
  ['解放战争时期', '1946-06/1949-09'],
  ['解放前夕', '1948/1949'],
  ['建国初期', '1949-10/1956'],
  ['新中国成立初期', '1949-10/1956'],
  ['土改时期', '1950/1952'],
  ['大跃进时期', '1958/1960'],
  ['三年困难时期', '1959/1961'],
  ['三年自然灾害', '1959/1961'],
  ['文革期间', '1966-05/1976-10'],
  ['文化大革命', '1966-05/1976-10'],
  ['十年动乱', '1966-05/1976-10'],
  ['改革开放初期', '1978-12/1984-10'],
  ['文革至改革开放初期', '1966-05/1984-10'],
  ['公元1984年', '1984'],
];

describe('dates as 文史 workers write them', () => {
  it('has a table large enough to mean something', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE)('%s → %s, the wording kept', (input, edtf) => {
    const parsed = parseFuzzyDate(input);
    expect(parsed).toMatchObject({ ok: true, edtf });
    expect(toFuzzyDate(input)).toEqual({ text: input, edtf });
    // Stored values read back as themselves.
    expect(parseFuzzyDate(edtf)).toMatchObject({ ok: true, edtf });
  });

  it('converts lunar dates to the Gregorian days they fell on', () => {
    expect(parseFuzzyDate('农历1984年正月初五')).toMatchObject({
      range: { start: '1984-02-06', end: '1984-02-06' },
    });
    // 腊月 of lunar 1984 is January–February 1985.
    expect(parseFuzzyDate('一九八四年腊月')).toMatchObject({
      range: { start: '1985-01-21', end: '1985-02-19' },
    });
    expect(parseFuzzyDate('1984年春节前后')).toMatchObject({ edtf: '1984-02-02~' });
  });

  it('checks a reign year against its 干支 and its length', () => {
    expect(parseFuzzyDate('光绪二十六年辛丑').ok).toBe(false);
    expect(parseFuzzyDate('乾隆七十年').ok).toBe(false);
    // 康熙 lasted 61 years: 壬寅 is both 1662 and 1722.
    expect(parseFuzzyDate('康熙壬寅').ok).toBe(false);
    // A 干支 alone names a year in every cycle.
    expect(parseFuzzyDate('庚子年').ok).toBe(false);
  });

  it.each(['明天', '前些年', '1985年2月29日', '1984年13月', '八十年代中后期的某天', '八四年', 'abc'])(
    'keeps %s as written when it cannot be read',
    (input) => {
      expect(parseFuzzyDate(input).ok).toBe(false);
      expect(toFuzzyDate(input)).toEqual({ text: input, edtf: '' });
      expect(isUnreadable(toFuzzyDate(input))).toBe(true);
    },
  );

  it('gives stored EDTF a readable wording', () => {
    expect(toFuzzyDate('1984-21')).toEqual({ text: '1984年春', edtf: '1984-21' });
    expect(toFuzzyDate('1980/1983')).toEqual({ text: '1980年—1983年', edtf: '1980/1983' });
    expect(toFuzzyDate('1990~')).toEqual({ text: '约1990年', edtf: '1990~' });
    expect(toFuzzyDate('1984')).toEqual({ text: '1984', edtf: '1984' });
    expect(toFuzzyDate('')).toEqual({ text: '', edtf: '' });
    expect(toFuzzyDate({ text: '八十年代初', edtf: '1980/1983' })).toEqual({
      text: '八十年代初',
      edtf: '1980/1983',
    });
    // A pair without a valid reading is read again from its wording.
    expect(toFuzzyDate({ text: '民国元年', edtf: '' })).toEqual({ text: '民国元年', edtf: '1912' });
    expect(dateText('19XX')).toBe('20世纪');
    expect(formatFuzzyDate('1984%')).toBe('约1984年？');
  });

  it('never refuses a date field', () => {
    const fields = ItemFieldsSchema.parse({
      kind: 'oral',
      title: '口述',
      eventDate: '那年发大水',
      createdDate: '1984-21',
      provenance: { date: '民国三十八年' },
      rights: { releaseDate: null },
    });
    expect(fields.eventDate).toEqual({ text: '那年发大水', edtf: '' });
    expect(fields.createdDate).toEqual({ text: '1984年春', edtf: '1984-21' });
    expect(fields.provenance.date).toEqual({ text: '民国三十八年', edtf: '1949' });
    expect(fields.rights.releaseDate).toEqual({ text: '', edtf: '' });
    expect(unreadableDates(fields)).toEqual([{ field: 'eventDate', text: '那年发大水' }]);
  });

  it("reads named periods by the library's own table", () => {
    const periods = DEFAULT_PERIODS.map((p) =>
      p.name === '解放前夕' ? { ...p, edtf: '1948-10/1948-12' } : p,
    );
    const fields = withDatesRead({ eventDate: '解放前夕', createdDate: '1984' }, { periods });
    expect(fields.eventDate).toEqual({ text: '解放前夕', edtf: '1948-10/1948-12' });
    expect(fields.createdDate).toEqual({ text: '1984', edtf: '1984' });
    expect(parseFuzzyDate('解放前夕')).toMatchObject({ edtf: '1948/1949' });
    expect(DEFAULT_PERIODS.length).toBeGreaterThanOrEqual(15);
    for (const period of DEFAULT_PERIODS) expect(dateRange(period.edtf), period.name).not.toBeNull();
  });

  it('warns of a date in the future, an event after its record, a release before the interview', () => {
    const today = '2026-01-15';
    expect(dateWarnings({ eventDate: parseFuzzyDate('2099年').ok ? '2099' : '' }, today)).toEqual([
      { code: 'future', field: 'eventDate' },
    ]);
    expect(dateWarnings({ eventDate: '2026' }, today)).toEqual([]);
    expect(dateWarnings({ eventDate: '1990', createdDate: '1984-21' }, today)).toEqual([
      { code: 'eventAfterCreated', field: 'eventDate' },
    ]);
    // 1984 and 1984年春 overlap: no conflict.
    expect(dateWarnings({ eventDate: '1984', createdDate: '1984-21' }, today)).toEqual([]);
    expect(
      itemDateWarnings(
        ItemFieldsSchema.parse({
          kind: 'oral',
          title: '口述',
          rights: { releaseDate: '2003年5月' },
          oral: { interviewDate: '2003年6月12日' },
        }),
        today,
      ),
    ).toEqual([{ code: 'releaseBeforeInterview', field: 'rights.releaseDate' }]);
  });
});
