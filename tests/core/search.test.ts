import { readdir, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { SearchIndex, type SearchOptions } from '../../electron/core/search';
import type { ItemFieldsInput } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

function fields(title: string, text: string, extra: Partial<ItemFieldsInput> = {}): ItemFieldsInput {
  return { kind: 'document', title, text, ...extra };
}

/** A library with the items, and an index over it (saved in index/ with `saved`). */
async function setup(items: ItemFieldsInput[] = [], saved = false) {
  const root = await tempDir();
  const library = await Library.create(root, 'lib');
  for (const item of items) await library.createItem(item);
  const search = new SearchIndex(library.catalog, saved ? { dir: SearchIndex.folder(root) } : {});
  await search.ready;
  const titles = (query: string, options: SearchOptions = {}) =>
    search
      .search(query, { limit: 1000, ...options })
      .hits.map((h) => h.title)
      .sort();
  return { root, library, search, titles };
}

describe('SearchIndex: script folding', () => {
  const corpus = [
    fields('繁体', '許昌市的發展，幹部們以後再說。頭髮在這裡。'),
    fields('简体', '这里的头发加工，晒干了。'),
    fields('乾隆', '乾隆年间的事。'),
    fields('后妃', '皇后的故事。'),
  ];
  it.each([
    ['许昌', ['繁体']],
    ['許昌', ['繁体']],
    ['发展', ['繁体']],
    ['發展', ['繁体']],
    ['头发', ['简体', '繁体']],
    ['頭髮', ['简体', '繁体']],
    ['髮', ['简体', '繁体']],
    ['发', ['简体', '繁体']],
    ['干部', ['繁体']],
    ['幹部', ['繁体']],
    ['晒干', ['简体']],
    ['曬乾', ['简体']],
    ['乾隆', ['乾隆']],
    ['以后', ['繁体']],
    ['以後', ['繁体']],
    ['皇后', ['后妃']],
    ['这里', ['简体', '繁体']],
    ['這裡', ['简体', '繁体']],
    ['這裏', ['简体', '繁体']],
  ])('%s finds %j', async (query, expected) => {
    const { titles, library } = await setup(corpus);
    expect(titles(query)).toEqual(expected);
    await library.close();
  });
});

describe('SearchIndex: characters, phrases, Latin and digits', () => {
  const corpus = [
    fields('甲', '改革开放以来，许昌发生了变化。\n许昌\n发制品远销海外。'),
    fields('乙', '改变了命运，革新了技术。'),
    fields('丙', '1984年，HIV 防治工作在许昌展开。Reformation and memory.'),
    fields('丁', '录音整理：许\n昌县的发展。'),
    fields('戊', '见档案 XCGG-2023-0177 与 zhengxie-plan-web-scraped.txt。'),
  ];
  it.each<[string, string[]]>([
    ['革', ['乙', '甲']],
    ['化', ['甲']],
    ['改革', ['甲']],
    ['改革开放', ['甲']],
    ['开放改革', []],
    ['改命', []],
    ['许昌发制品', ['甲']],
    ['许昌 发制品', ['甲']],
    ['许昌县', ['丁']],
    ['1984年', ['丙']],
    ['1984', ['丙']],
    ['198', ['丙']],
    ['1985', []],
    ['84年', []],
    ['hiv', ['丙']],
    ['HIV', ['丙']],
    ['ＨＩＶ', ['丙']],
    ['HIV 防治', ['丙']],
    ['"HIV 防治"', ['丙']],
    ['"HIV防治"', []],
    ['refor', ['丙']],
    ['reformasion', ['丙']],
    ['memry', ['丙']],
    ['nemorx', []],
    ['，', []],
    // Hyphens of 档号 and file names are searched as typed, never read as pattern syntax.
    ['XCGG-2023-0177', ['戊']],
    ['zhengxie-plan-web-scraped', ['戊']],
    ['"zhengxie-plan"', ['戊']],
  ])('%s finds %j', async (query, expected) => {
    const { titles, library } = await setup(corpus);
    expect(titles(query)).toEqual(expected);
    await library.close();
  });
});

describe('SearchIndex: pinyin and initials', () => {
  const corpus = [
    fields('许昌的发展', '正文', { places: ['禹州'] }),
    fields('访谈', '正文', { people: [{ name: '张三', role: 'narrator' }], places: ['長葛'] }),
    fields('无关', 'xuchang 不是这里的词'),
  ];
  it.each<[string, string[]]>([
    ['xuchang', ['无关', '许昌的发展']],
    ['xc', ['许昌的发展']],
    ['xcdfz', ['许昌的发展']],
    ['zhang san', ['访谈']],
    ['zhangsan', ['访谈']],
    ['zs', ['访谈']],
    ['yuzhou', ['许昌的发展']],
    ['changge', ['访谈']],
    ['cg', ['访谈']],
    ['人物:zhang', ['访谈']],
    ['地点:xc', []],
  ])('%s finds %j', async (query, expected) => {
    const { titles, library } = await setup(corpus);
    expect(titles(query)).toEqual(expected);
    await library.close();
  });
});

describe('SearchIndex: query syntax, dates and facets', () => {
  const corpus = [
    fields('许昌发制品', '一九八四年，发制品产业起步。', {
      kind: 'oral',
      eventDate: '1984年春',
      people: [{ name: '张三', role: 'narrator' }],
      places: ['许昌市'],
      subjects: ['改革开放'],
      editorialStatus: 'review1',
      collections: ['许昌改革记忆'],
    }),
    fields('禹州钧瓷', '许昌下辖的禹州，钧瓷闻名。', {
      kind: 'photo',
      eventDate: '1978—1980',
      people: [{ name: '李四', role: 'photographer' }],
      places: ['禹州市'],
      subjects: ['工业'],
      editorialStatus: 'selected',
    }),
    fields('长葛纪事', '长葛的变化，见证了张三的一生。', {
      eventDate: '八十年代末',
      places: ['长葛市'],
      subjects: ['改革开放'],
      collections: ['许昌改革记忆'],
    }),
    fields('无日期', '没有日期的文献。'),
  ];
  it.each<[string, string[]]>([
    ['许昌 钧瓷', ['禹州钧瓷']],
    ['钧瓷 | 长葛', ['禹州钧瓷', '长葛纪事']],
    // 长葛纪事 is in the collection 许昌改革记忆.
    ['许昌 -钧瓷', ['许昌发制品', '长葛纪事']],
    ['-许昌', ['无日期']],
    ['题名:许昌', ['许昌发制品']],
    ['title:禹州', ['禹州钧瓷']],
    ['人物:张三', ['许昌发制品']],
    ['张三', ['许昌发制品', '长葛纪事']],
    ['地点:禹州', ['禹州钧瓷']],
    ['主题:改革开放', ['许昌发制品', '长葛纪事']],
    ['subject:工业', ['禹州钧瓷']],
    ['类型:口述', ['许昌发制品']],
    ['kind:photo', ['禹州钧瓷']],
    ['状态:入选', ['禹州钧瓷']],
    ['status:review1 | 类型:照片', ['禹州钧瓷', '许昌发制品']],
    ['1984', ['许昌发制品']],
    ['1979', ['禹州钧瓷']],
    ['1989', ['长葛纪事']],
    ['1978..1985', ['禹州钧瓷', '许昌发制品']],
    ['1984..1987', ['许昌发制品', '长葛纪事']],
    ['1985..1986', []],
    ['1990..2000', []],
    ['"钧瓷闻名"', ['禹州钧瓷']],
    ['"钧瓷 闻名"', []],
    ['类型:未知', []],
  ])('%s finds %j', async (query, expected) => {
    const { titles, library } = await setup(corpus);
    expect(titles(query)).toEqual(expected);
    await library.close();
  });

  it('counts facets over the hits and filters by them', async () => {
    const { search, titles, library } = await setup(corpus);
    const result = search.search('许昌', { facets: true });
    expect(result.total).toBe(3);
    expect(result.facets!.kind).toEqual([
      { value: 'document', count: 1 },
      { value: 'oral', count: 1 },
      { value: 'photo', count: 1 },
    ]);
    expect(result.facets!.decade).toEqual([
      { value: '1980', count: 2 },
      { value: '1970', count: 1 },
    ]);
    expect(result.facets!.subject).toEqual([
      { value: '改革开放', count: 2 },
      { value: '工业', count: 1 },
    ]);
    expect(result.facets!.collection).toEqual([{ value: '许昌改革记忆', count: 2 }]);
    expect(result.facets!.person.map((f) => f.value).sort()).toEqual(['张三', '李四']);
    expect(result.facets!.status.find((f) => f.value === 'collected')?.count).toBe(1);
    expect(titles('许昌', { filters: { decade: ['1980'] } })).toEqual(['许昌发制品', '长葛纪事']);
    expect(titles('许昌', { filters: { decade: ['1980'], kind: ['oral'] } })).toEqual(['许昌发制品']);
    expect(titles('许昌', { filters: { place: ['禹州市', '长葛市'] } })).toEqual(['禹州钧瓷', '长葛纪事']);
    await library.close();
  });

  it('sorts by relevance, date, 档号 and title in pinyin order', async () => {
    const { search, library } = await setup([
      fields('许昌', '许昌', { identifier: 'A-10', eventDate: '1990' }),
      fields('包头 许昌', '许昌许昌', { identifier: 'A-9', eventDate: '1980' }),
      fields('阿城', '许昌', { identifier: 'A-100' }),
    ]);
    const order = (sort: SearchOptions['sort']) => search.search('许昌', { sort }).hits.map((h) => h.title);
    expect(order('date')).toEqual(['包头 许昌', '许昌', '阿城']);
    expect(order('identifier')).toEqual(['包头 许昌', '许昌', '阿城']);
    expect(order('title')).toEqual(['阿城', '包头 许昌', '许昌']);
    expect(order('relevance')[2]).toBe('阿城');
    await library.close();
  });

  it('suggests the other script and fewer terms when nothing is found', async () => {
    const { search, library } = await setup(corpus);
    const result = search.search('钧瓷 火星');
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual([{ query: '钧瓷', total: 1 }]);
    expect(search.search('钧瓷').suggestions).toBeUndefined();
    await library.close();
  });
});

describe('SearchIndex: ranking, snippets, timecodes', () => {
  it('ranks title hits first, then exact phrases', async () => {
    const { search, library } = await setup([
      fields('城市概况', '许昌是一座城市。许昌，许昌，许昌。'),
      fields('许昌的故事', '一座城市。'),
      fields('人物', '', { people: [{ name: '张许昌', role: '' }] }),
    ]);
    const hits = search.search('许昌').hits;
    expect(hits).toHaveLength(3);
    expect(hits[0]!.title).toBe('许昌的故事');
    const phrase = await setup([
      fields(
        '散',
        '发制品在许昌，许昌的发制品，许昌许昌发制品发制品。'.replace('许昌许昌发制品', '许昌，发制品'),
      ),
      fields('连', '许昌发制品。'),
    ]);
    expect(phrase.search.search('许昌 发制品').hits[0]!.title).toBe('连');
    await library.close();
    await phrase.library.close();
  });

  it('returns snippets in the original script with highlights on the match', async () => {
    const { search, library } = await setup([
      fields('甲', '前文。未來五年，是全面開創許昌社會主義現代化建設新局面的關鍵時期。\n許\n昌在望。'),
    ]);
    const hit = search.search('许昌 现代化').hits[0]!;
    const marked = hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked).toEqual(['許昌', '現代化', '許 昌']);
    await library.close();
  });

  it('gives the start of the transcript segment a match is in', async () => {
    const { search, library } = await setup([
      fields('口述', '', {
        kind: 'oral',
        oral: {
          segments: [
            { start: 0, text: '我叫张三。' },
            { start: 95.5, text: '一九八四年我们开始收头发。' },
          ],
        },
      } as Partial<ItemFieldsInput>),
    ]);
    const hit = search.search('收头发').hits[0]!;
    expect(hit.timecode).toBe(95.5);
    expect(hit.snippet.slice(...hit.highlights[0]!)).toBe('收头发');
    expect(search.search('张三').hits[0]!.timecode).toBe(0);
    await library.close();
  });
});

describe('SearchIndex: lifecycle', () => {
  it('follows edits and deletions at once', async () => {
    const { titles, library } = await setup();
    const item = await library.createItem(fields('甲', '许昌'));
    expect(titles('许昌')).toEqual(['甲']);
    await library.updateItem(item.id, { text: '禹州' });
    expect(titles('许昌')).toEqual([]);
    expect(titles('禹州')).toEqual(['甲']);
    await library.deleteItem(item.id);
    expect(titles('禹州')).toEqual([]);
    await library.close();
  });

  it('saves the index, loads it without rebuilding, and catches up with changes made meanwhile', async () => {
    const { root, search, library } = await setup([fields('甲', '许昌'), fields('乙', '禹州')], true);
    await search.flush();
    expect((await readdir(SearchIndex.folder(root))).sort()).toEqual(['index.bin', 'meta.json']);
    const progress: number[] = [];
    const loaded = new SearchIndex(library.catalog, {
      dir: SearchIndex.folder(root),
      onProgress: (p) => progress.push(p.done),
    });
    await loaded.ready;
    expect(progress).toEqual([]);
    expect(loaded.search('许昌').hits.map((h) => h.title)).toEqual(['甲']);

    // Changes while no index listens (as after a crash) are found at the next load.
    const closedIndex = SearchIndex.folder(root);
    const item = library.catalog.all().find((i) => i.title === '乙')!;
    const third = new SearchIndex(
      { all: () => library.catalog.all(), get: (id) => library.catalog.get(id), onChange: () => () => {} },
      { dir: closedIndex, persist: false },
    );
    await library.updateItem(item.id, { text: '长葛' });
    await library.createItem(fields('丙', '许昌长葛'));
    await third.ready;
    const again = new SearchIndex(library.catalog, { dir: closedIndex });
    await again.ready;
    expect(
      again
        .search('长葛')
        .hits.map((h) => h.title)
        .sort(),
    ).toEqual(['丙', '乙']);
    expect(again.search('禹州').total).toBe(0);
    await again.flush();
    await library.close();
  });

  it('rebuilds with progress when the index folder is deleted or of an old version', async () => {
    const { root, search, library } = await setup([fields('甲', '许昌'), fields('乙', '禹州')], true);
    await search.flush();
    await rm(SearchIndex.folder(root), { recursive: true });
    const progress: number[] = [];
    const rebuilt = new SearchIndex(library.catalog, {
      dir: SearchIndex.folder(root),
      onProgress: (p) => progress.push(p.done),
    });
    await rebuilt.ready;
    expect(progress).toEqual([0, 2]);
    expect(rebuilt.search('许昌').hits.map((h) => h.title)).toEqual(['甲']);
    await rebuilt.flush();
    expect(await readdir(SearchIndex.folder(root))).toContain('meta.json');

    const { writeFile, readFile } = await import('node:fs/promises');
    const metaPath = `${SearchIndex.folder(root)}/meta.json`;
    const meta = JSON.parse(await readFile(metaPath, 'utf8'));
    await writeFile(metaPath, JSON.stringify({ ...meta, version: 0 }));
    const progress2: number[] = [];
    const fromOld = new SearchIndex(library.catalog, {
      dir: SearchIndex.folder(root),
      onProgress: (p) => progress2.push(p.done),
    });
    await fromOld.ready;
    expect(progress2).toEqual([0, 2]);
    expect(fromOld.search('禹州').total).toBe(1);
    await fromOld.flush();

    // A cut-off index file (a full disk, a copy interrupted) is rebuilt, not misread.
    const { truncate, stat } = await import('node:fs/promises');
    const indexFile = `${SearchIndex.folder(root)}/index.bin`;
    await truncate(indexFile, (await stat(indexFile)).size - 8);
    const progress3: number[] = [];
    const fromCut = new SearchIndex(library.catalog, {
      dir: SearchIndex.folder(root),
      onProgress: (p) => progress3.push(p.done),
    });
    await fromCut.ready;
    expect(progress3).toEqual([0, 2]);
    expect(fromCut.search('禹州').total).toBe(1);
    await fromCut.flush();
    await library.close();
  });

  it('finds every item that contains a random substring (against a brute-force scan)', async () => {
    const corpus = [
      '许昌市位于河南省中部，历史悠久。',
      '禹州钧瓷闻名天下，钧瓷烧制技艺传承千年。',
      '長葛市的髮製品產業在改革開放後迅速發展。',
      '鄢陵县花木产业是全国最大的花木生产基地之一。',
      '襄城县烟草种植历史悠久，烤烟质量上乘。',
      '建安区原名许昌县，二〇一七年撤县设区。',
      '许昌\n县志记载，1984年许昌发制品出口。',
    ];
    const { search, library } = await setup(corpus.map((text, i) => fields(`第${i}篇`, text)));
    // The scan sees what the index sees: folded text, line breaks inside a phrase ignored.
    const { foldText } = await import('../../electron/core/text');
    const scanned = corpus.map((t) => foldText(t).replace(/\n/g, ''));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      const text = scanned[Math.floor(random() * corpus.length)]!.replace(/[,.\d]/g, '');
      const length = 1 + Math.floor(random() * 6);
      const start = Math.floor(random() * Math.max(1, text.length - length));
      const query = text.slice(start, start + length);
      const expected = scanned.flatMap((t, i) => (t.includes(query) ? [`第${i}篇`] : [])).sort();
      expect(
        search
          .search(query, { limit: 100 })
          .hits.map((h) => h.title)
          .sort(),
        query,
      ).toEqual(expected);
    }
    await library.close();
  });
});
