import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { SearchIndex } from '../../electron/core/search';
import type { ItemFieldsInput } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

function fields(title: string, text: string, extra: Partial<ItemFieldsInput> = {}): ItemFieldsInput {
  return { kind: 'document', title, text, ...extra };
}

async function setup() {
  const library = await Library.create(await tempDir(), 'lib');
  const search = new SearchIndex(library.catalog);
  const add = (f: ItemFieldsInput) => library.createItem(f);
  const titles = (query: string) =>
    search
      .search(query)
      .hits.map((h) => h.title)
      .sort();
  return { library, search, add, titles };
}

describe('SearchIndex', () => {
  it.each([
    ['许昌', ['繁体']],
    ['許昌', ['繁体']],
    ['发展', ['繁体']],
    ['頭髮', ['简体']],
    ['干部', ['繁体']],
    ['以后', ['繁体']],
    ['这里', ['简体']],
  ])('folds simplified and traditional: %s', async (query, expected) => {
    const { add, titles, library } = await setup();
    await add(fields('繁体', '許昌市的發展，幹部們以後再說。'));
    await add(fields('简体', '这里的头发加工'));
    expect(titles(query)).toEqual(expected);
    await library.close();
  });

  it('finds single characters and phrases, but not scattered characters', async () => {
    const { add, titles, library } = await setup();
    await add(fields('甲', '改革开放以来，许昌发生了变化。'));
    await add(fields('乙', '改变了命运，革新了技术。'));
    expect(titles('革')).toEqual(['乙', '甲']);
    expect(titles('改革')).toEqual(['甲']);
    expect(titles('改革开放')).toEqual(['甲']);
    expect(titles('开放改革')).toEqual([]);
    expect(titles('化')).toEqual(['甲']); // last character of a run
    await library.close();
  });

  it('matches a phrase across a line break only as typed', async () => {
    const { add, titles, library } = await setup();
    await add(fields('甲', '许昌\n发制品'));
    expect(titles('许昌')).toEqual(['甲']);
    expect(titles('许昌 发制品')).toEqual(['甲']);
    await library.close();
  });

  it('handles Latin words and numbers with prefixes, and mixed queries', async () => {
    const { add, titles, library } = await setup();
    await add(fields('甲', '1984年，HIV 防治工作在许昌展开。'));
    expect(titles('1984年')).toEqual(['甲']);
    expect(titles('1984')).toEqual(['甲']);
    expect(titles('hiv')).toEqual(['甲']);
    expect(titles('ＨＩＶ')).toEqual(['甲']);
    expect(titles('1985')).toEqual([]);
    await library.close();
  });

  it('searches title, people and place, and ranks title hits first', async () => {
    const { add, search, library } = await setup();
    await add(fields('城市概况', '许昌是一座城市。'));
    await add(fields('许昌的故事', '一座城市。'));
    await add(fields('人物', '', { people: [{ name: '张许昌', role: '' }] }));
    const hits = search.search('许昌').hits;
    expect(hits).toHaveLength(3);
    expect(hits[0]!.title).toBe('许昌的故事');
    await library.close();
  });

  it('returns snippets in the original script with highlights on the match', async () => {
    const { add, search, library } = await setup();
    await add(fields('甲', '前文。未來五年，是全面開創許昌社會主義現代化建設新局面的關鍵時期。'));
    const hit = search.search('许昌').hits[0]!;
    const [start, end] = hit.highlights[0]!;
    expect(hit.snippet.slice(start, end)).toBe('許昌');
    await library.close();
  });

  it('follows edits and deletions at once', async () => {
    const { add, titles, library } = await setup();
    const item = await add(fields('甲', '许昌'));
    await library.updateItem(item.id, { text: '禹州' });
    expect(titles('许昌')).toEqual([]);
    expect(titles('禹州')).toEqual(['甲']);
    await library.deleteItem(item.id);
    expect(titles('禹州')).toEqual([]);
    await library.close();
  });

  it('finds every item that contains a random substring (against a brute-force scan)', async () => {
    const { add, search, library } = await setup();
    const corpus = [
      '许昌市位于河南省中部，历史悠久。',
      '禹州钧瓷闻名天下，钧瓷烧制技艺传承千年。',
      '长葛市的发制品产业在改革开放后迅速发展。',
      '鄢陵县花木产业是全国最大的花木生产基地之一。',
      '襄城县烟草种植历史悠久，烤烟质量上乘。',
      '建安区原名许昌县，二〇一七年撤县设区。',
    ];
    for (const [i, text] of corpus.entries()) await add(fields(`第${i}篇`, text));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      const text = corpus[Math.floor(random() * corpus.length)]!.replace(/[，。]/g, '');
      const length = 1 + Math.floor(random() * 6);
      const start = Math.floor(random() * Math.max(1, text.length - length));
      const query = text.slice(start, start + length);
      const expected = corpus.flatMap((t, i) => (t.includes(query) ? [`第${i}篇`] : [])).sort();
      expect(
        search
          .search(query, 100)
          .hits.map((h) => h.title)
          .sort(),
        query,
      ).toEqual(expected);
    }
    await library.close();
  });
});
