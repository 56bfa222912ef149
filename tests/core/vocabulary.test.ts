import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Vocabulary, placeTerms } from '../../electron/core/vocabulary';
import { tempDir } from '../helpers/tempDir';

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
});
