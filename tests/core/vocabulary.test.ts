import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { TermIndex, Vocabulary, placeTerms } from '../../electron/core/vocabulary';
import { manyNames } from '../helpers/manyNames';
import { tempDir } from '../helpers/tempDir';
import { prepareTerms, scanTerms } from '../helpers/vocabularyScan';

async function libraryWithItems() {
  const library = await Library.create(path.join(await tempDir(), 'lib'), 'lib');
  const add = (
    title: string,
    people: { name: string; role: string }[],
    places: string[],
    subjects: string[],
  ) => library.createItem({ kind: 'oral', title, people, places, subjects });
  await add(
    '一',
    [
      { name: '张德顺', role: '口述人' },
      { name: '李秀英', role: '整理人' },
    ],
    ['长葛市'],
    ['发制品产业'],
  );
  await add('二', [{ name: '张德顺', role: '口述人' }], ['禹州市', '神垕镇'], ['钧瓷']);
  await add(
    '三',
    [
      { name: '王福来', role: '' },
      { name: '张德顺', role: '采访人' },
    ],
    ['郑州市'],
    ['外贸'],
  );
  const vocabulary = new Vocabulary({
    items: () => library.catalog.all(),
    settings: () => library.info.settings,
  });
  library.catalog.onChange(() => vocabulary.invalidate());
  return { library, vocabulary };
}

describe('vocabulary', () => {
  it('counts the people named in the catalog, with the role they most often have', async () => {
    const { library, vocabulary } = await libraryWithItems();
    expect(vocabulary.match('people', '', 10)).toEqual([
      { value: '张德顺', count: 3, role: 'narrator' },
      { value: '李秀英', count: 1, role: 'transcriber' },
      { value: '王福来', count: 1 },
    ]);
    // Simplified or traditional, pinyin, initials, a later syllable.
    for (const query of ['张德', '張德順', 'zhangdeshun', 'zhang de', 'zds', 'deshun'])
      expect(
        vocabulary.match('people', query, 10).map((m) => m.value),
        query,
      ).toEqual(['张德顺']);
    await library.close();
  });

  it('recounts after an edit', async () => {
    const { library, vocabulary } = await libraryWithItems();
    expect(vocabulary.match('people', '赵', 10)).toEqual([]);
    await library.createItem({ kind: 'photo', title: '四', people: [{ name: '赵明', role: '摄影者' }] });
    expect(vocabulary.match('people', '赵', 10)).toEqual([{ value: '赵明', count: 1, role: 'photographer' }]);
    await library.close();
  });

  it('finds gazetteer places by traditional script, pinyin, initials and former names, with their paths', async () => {
    const { library, vocabulary } = await libraryWithItems();
    expect(vocabulary.match('places', '長葛', 5)[0]).toEqual({
      value: '长葛市',
      count: 1,
      path: ['许昌市', '长葛市'],
    });
    expect(vocabulary.match('places', 'shenhou', 5)[0]).toMatchObject({
      value: '神垕镇',
      path: ['许昌市', '禹州市', '神垕镇'],
    });
    expect(vocabulary.match('places', 'xc', 5)[0]!.value).toBe('许昌市');
    expect(vocabulary.match('places', '禹縣', 5)).toEqual([
      { value: '禹州市', count: 1, path: ['许昌市', '禹州市'], formerName: '禹县' },
    ]);
    // The place found by its own name comes before the one that once bore it.
    expect(vocabulary.match('places', '许昌', 5).map((m) => m.formerName ?? m.value)).toEqual([
      '许昌市',
      '许昌县',
    ]);
    // A place typed freely in an item is offered too.
    expect(vocabulary.match('places', '郑州', 5)).toEqual([{ value: '郑州市', count: 1, path: ['郑州市'] }]);
    await library.close();
  });

  it('offers the library’s subject list and the subjects items use, and follows settings', async () => {
    const { library, vocabulary } = await libraryWithItems();
    expect(vocabulary.match('subjects', 'jc', 5)).toEqual([{ value: '钧瓷', count: 1 }]);
    expect(vocabulary.match('subjects', '外贸', 5).map((m) => m.value)).toEqual(['外贸']);
    expect(vocabulary.match('subjects', '花', 5).map((m) => m.value)).toEqual(['花木']);
    await library.updateSettings({ subjects: ['钧瓷', '城乡交流'] });
    expect(vocabulary.match('subjects', '花', 5)).toEqual([]);
    expect(vocabulary.match('subjects', 'cxjl', 5).map((m) => m.value)).toEqual(['城乡交流']);
    await library.close();
  });

  it('adds the library’s own places to the gazetteer once', () => {
    const terms = placeTerms([], ['许昌市', '椹涧'], undefined);
    expect(terms.filter((t) => t.value === '许昌市')).toHaveLength(1);
    expect(terms.at(-1)).toEqual({ value: '椹涧', count: 0, path: ['椹涧'] });
  });

  it('forgives one wrong, missing or extra letter in pinyin of four letters or more, after every exact fit', async () => {
    const { library, vocabulary } = await libraryWithItems();
    for (const query of ['zhangdeshum', 'zhangdesun', 'zhangdeshuun', 'zhangdo'])
      expect(
        vocabulary.match('people', query, 10).map((m) => m.value),
        query,
      ).toEqual(['张德顺']);
    // A place by its pinyin without 市 or 镇, misspelt; and by a misspelt former name.
    expect(vocabulary.match('places', 'yuzhau', 5)[0]).toMatchObject({ value: '禹州市' });
    expect(vocabulary.match('places', 'shenhuu', 5)[0]).toMatchObject({ value: '神垕镇' });
    expect(vocabulary.match('places', 'yuxain', 5)).toEqual([]);
    // Three letters are too few to guess from: zdx is no one's initials.
    expect(vocabulary.match('people', 'zdx', 10)).toEqual([]);
    await library.close();
  });

  it('finds simplified names from traditional input, and by initials, in every field', async () => {
    const { library, vocabulary } = await libraryWithItems();
    expect(vocabulary.match('places', '長葛', 5).map((m) => m.value)).toEqual(['长葛市']);
    expect(vocabulary.match('places', '長葛市', 5)[0]).toEqual({
      value: '长葛市',
      count: 1,
      path: ['许昌市', '长葛市'],
    });
    expect(vocabulary.match('people', '李秀', 5).map((m) => m.value)).toEqual(['李秀英']);
    expect(vocabulary.match('subjects', '發製品', 5).map((m) => m.value)).toEqual(['发制品产业']);
    expect(vocabulary.match('people', 'lxy', 5).map((m) => m.value)).toEqual(['李秀英']);
    expect(vocabulary.match('places', 'cgs', 5).map((m) => m.value)).toEqual(['长葛市']);
    expect(vocabulary.match('subjects', 'fzpcy', 5).map((m) => m.value)).toEqual(['发制品产业']);
    await library.close();
  });
});

describe('a 5,800-name vocabulary', () => {
  const terms = manyNames(5800);
  const index = new TermIndex(terms);
  const scan = prepareTerms(terms);

  it('answers exact and prefix lookups as the full scan does, in the same order', () => {
    const samples = terms.filter((_, i) => i % 290 === 0).map((t) => t.value);
    const queries = new Set<string>([
      'z',
      'l',
      'w',
      'zh',
      'zhang',
      'xiu',
      'ying',
      'zds',
      '德',
      '秀英',
      '張',
      '劉秀',
    ]);
    for (const name of samples) {
      const { pinyin, initials } = scan.find((p) => p.term.value === name)!.aliases[0]!;
      for (let i = 1; i <= name.length; i++) queries.add(name.slice(0, i)).add(name.slice(i - 1));
      for (let i = 2; i <= pinyin.length; i += 2) queries.add(pinyin.slice(0, i));
      queries.add(initials);
    }
    for (const query of queries)
      for (const limit of [8, 500]) {
        const expected = scanTerms(scan, query, limit);
        expect(index.match(query, limit).slice(0, expected.length), `${query} (${limit})`).toEqual(expected);
      }
  });

  it('finds a name by a typo only after every name that fits exactly', () => {
    expect(scanTerms(scan, 'zhangdesun', 500)).toEqual([]);
    expect(index.match('zhangdesun', 5)[0]!.value).toBe('张德顺');
    // zhangde begins 张德顺 and others; zhengde, zhongde, changde… are one letter off and come after.
    const exact = scanTerms(scan, 'zhangde', 500);
    const found = index.match('zhangde', 500);
    expect(exact.length).toBeGreaterThan(1);
    expect(found.slice(0, exact.length)).toEqual(exact);
    const guesses = found.slice(exact.length).map((m) => m.value);
    expect(guesses.length).toBeGreaterThan(0);
    expect(guesses).toContain('郑德英');
    expect(guesses.filter((name) => name.startsWith('张德'))).toEqual([]);
  });

  it('follows edits without rebuilding: new counts, a new name, a name gone', () => {
    const updated = new TermIndex(terms);
    // terms[0] is 张德顺: it goes; terms[1] is used once now; 欧阳新来 is new.
    const [, second, ...rest] = terms;
    updated.update([...rest, { value: '欧阳新来', count: 99 }, { ...second!, count: 1 }]);
    expect(updated.match('歐陽', 1)).toEqual([{ value: '欧阳新来', count: 99 }]);
    expect(updated.match('ouyangxinlai', 1)).toEqual([{ value: '欧阳新来', count: 99 }]);
    expect(updated.match('张德顺', 5)).toEqual([]);
    expect(updated.match(second!.value, 1)).toEqual([{ value: second!.value, count: 1 }]);
    expect(updated.match('', 1)).toEqual([{ value: '欧阳新来', count: 99 }]);
    // Most names gone: the index is built afresh, and answers as a new one does.
    updated.update(terms.slice(0, 100));
    expect(updated.terms()).toHaveLength(100);
    for (const query of ['', 'z', '张', 'zhangdesun'])
      expect(updated.match(query, 500)).toEqual(new TermIndex(terms.slice(0, 100)).match(query, 500));
  });
});
