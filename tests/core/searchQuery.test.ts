import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import {
  LIST_SORTS,
  itemFields,
  SearchIndex,
  type ListSort,
  type QueryFilters,
  type QueryRequest,
} from '../../electron/core/search';
import {
  EDITORIAL_STATUSES,
  ITEM_KINDS,
  dateRange,
  pendingReview,
  type Item,
  type ItemFieldsInput,
} from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const CHARS = '许昌禹州长葛鄢陵襄城阿包重庆银行发制品钧瓷烟草花木乡镇企业农村改革教育AbZ1';
const PLACES = ['许昌市', '禹州市', '長葛市', '鄢陵县', '神垕镇'];
const PEOPLE = ['张三', '李四', '王五', '赵六', '钱七'];
const SUBJECTS = ['改革开放', '发制品', '钧瓷', '工业'];
const COLLECTIONS = ['许昌改革记忆 › 第一卷', '许昌改革记忆 › 第二卷', '许昌改革记忆', '口述史料/农村'];
const DATES = [
  '',
  '',
  '1984',
  '1984-05',
  '1984-05-03',
  '198X',
  '1978—1980',
  '八十年代末',
  '1990年',
  '2001-12-31',
  '约1965年',
];

function generate(count: number, seed: number): ItemFieldsInput[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[]) => list.filter(() => next() < 0.3);
  return Array.from({ length: count }, (_, i) => ({
    kind: pick(ITEM_KINDS),
    editorialStatus: pick(EDITORIAL_STATUSES),
    // Short titles from a small alphabet: many repeat, so ties are common.
    title: Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick([...CHARS])).join(''),
    identifier: next() < 0.15 ? '' : `XC-${Math.floor(next() * 50)}-${i % 13}`,
    eventDate: pick(DATES),
    createdDate: next() < 0.2 ? '1970' : '',
    places: some(PLACES),
    people: some(PEOPLE).map((name) => ({ name, role: '口述' })),
    subjects: some(SUBJECTS),
    collections: some(COLLECTIONS),
    mojibake: next() < 0.1 ? [{ start: 0, end: 1, text: '?' }] : [],
    text: `${pick(PLACES)}的${pick(SUBJECTS)}`,
  }));
}

const pinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const natural = new Intl.Collator('zh-Hans-CN', { numeric: true });
const day = (iso: string | undefined) => (iso ? Number(iso.replaceAll('-', '')) : 0);

/** The filters, written again from the items' own fields. */
function passes(item: Item, filters: QueryFilters): boolean {
  const any = (wanted: string[] | undefined, values: string[]) =>
    !wanted?.length || values.some((v) => wanted.includes(v));
  const span = dateRange(item.eventDate.edtf || item.createdDate.edtf);
  const decade = span ? [String(Math.floor(Number(span.start.slice(0, 4)) / 10) * 10)] : [];
  if (!any(filters.kind, [item.kind]) || !any(filters.status, [item.editorialStatus])) return false;
  if (!any(filters.decade, decade) || !any(filters.place, item.places)) return false;
  if (
    !any(
      filters.person,
      item.people.map((p) => p.name),
    ) ||
    !any(filters.subject, item.subjects)
  )
    return false;
  if (!any(filters.collection, item.collections)) return false;
  if (filters.collectionPath) {
    const under = item.collections.some((c) => {
      const parts = c.split(/\s*[›>/／]\s*/);
      return filters.collectionPath!.every((part, i) => parts[i] === part);
    });
    if (!under) return false;
  }
  if (filters.dates) {
    if (!span) return false;
    const from = filters.dates.from ? day(dateRange(filters.dates.from)!.start) : 0;
    const to = filters.dates.to ? day(dateRange(filters.dates.to)!.end) : Infinity;
    if (day(span.start) > to || day(span.end) < from) return false;
  }
  if (filters.pendingReview !== undefined && pendingReview(item) > 0 !== filters.pendingReview) return false;
  if (filters.createdSince && item.createdAt < filters.createdSince) return false;
  return true;
}

/** The order, written again: items without the value last, else by it, then title, then id. */
function compare(sort: ListSort, descending: boolean): (a: Item, b: Item) => number {
  const dir = descending ? -1 : 1;
  const byTitle = (a: Item, b: Item) =>
    pinyin.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const value: (item: Item) => string = {
    relevance: (item: Item) => item.identifier,
    identifier: (item: Item) => item.identifier,
    title: (item: Item) => item.title,
    date: (item: Item) => (item.eventDate.edtf && dateRange(item.eventDate.edtf)?.start) || '',
    created: (item: Item) => item.createdAt,
  }[sort];
  const primary =
    sort === 'identifier' || sort === 'relevance'
      ? (a: Item, b: Item) => natural.compare(a.identifier, b.identifier)
      : sort === 'title'
        ? () => 0
        : (a: Item, b: Item) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0);
  return (a, b) => Number(!value(a)) - Number(!value(b)) || dir * (primary(a, b) || byTitle(a, b));
}

function bruteForce(items: Item[], request: QueryRequest): string[] {
  return items
    .filter((item) => passes(item, request.filters ?? {}))
    .sort(compare(request.sort ?? 'relevance', request.descending ?? false))
    .map((item) => item.id);
}

/** Every page of a query, one after another. */
function allPages(
  search: SearchIndex,
  request: QueryRequest,
  limit: number,
): { ids: string[]; totals: number[] } {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = search.query({ ...request, offset, limit });
    totals.push(page.total);
    ids.push(...page.hits.map((h) => h.id));
    if (page.hits.length < limit) return { ids, totals };
  }
}

/** Items written to the catalog as they are, without the library's numbering or audit log. */
async function putStraight(library: Library, list: ItemFieldsInput[]): Promise<void> {
  const ids = new Set<string>();
  const items = list.map((fields) => {
    const id = library.catalog.newId(ids);
    ids.add(id);
    return library.catalog.buildCreate(fields, id);
  });
  const { error } = await library.catalog.writeItems(new Map(items.map((item) => [item.id, item])));
  expect(error).toBeUndefined();
  library.catalog.apply(items.map((item) => ({ id: item.id, before: undefined, after: item })));
}

async function setup(count: number) {
  const root = await tempDir();
  const library = await Library.create(root, 'lib');
  // Straight into the catalog, so that some items have no 档号.
  await putStraight(library, generate(count, 7));
  const search = new SearchIndex(library.catalog);
  await search.ready;
  return { library, search };
}

describe('SearchIndex.query: browsing without text', () => {
  const FILTERS: [string, QueryFilters][] = [
    ['none', {}],
    ['kind', { kind: ['oral', 'photo'] }],
    ['status', { status: ['review1', 'review2', 'review3'] }],
    ['decade', { decade: ['1980'] }],
    ['place', { place: ['禹州市', '長葛市'] }],
    ['person', { person: ['张三'] }],
    ['subject', { subject: ['钧瓷'] }],
    ['collection', { collection: ['许昌改革记忆'] }],
    ['collection path', { collectionPath: ['许昌改革记忆'] }],
    ['collection path, two parts', { collectionPath: ['许昌改革记忆', '第一卷'] }],
    ['dates', { dates: { from: '1980', to: '1985-06' } }],
    ['dates from', { dates: { from: '1990' } }],
    ['pending review', { pendingReview: true }],
    ['no pending review', { pendingReview: false }],
    ['several', { kind: ['document'], place: ['许昌市'], decade: ['1980', '1970'] }],
    ['an unknown value', { person: ['无名氏'] }],
  ];

  it('equals a brute-force filter and sort of the catalog, for each filter, sort and direction', async () => {
    const { library, search } = await setup(3000);
    const items = library.catalog.all();
    for (const [, filters] of FILTERS)
      for (const sort of LIST_SORTS)
        for (const descending of [false, true]) {
          const request = { filters, sort, descending };
          const expected = bruteForce(items, request);
          const page = search.query({ ...request, limit: 100_000 });
          expect({ request, ids: page.hits.map((h) => h.id) }).toEqual({ request, ids: expected });
          expect(page.total).toBe(expected.length);
        }
    await library.close();
  });

  it('pages through every item exactly once, in the same order as one big page', async () => {
    const { library, search } = await setup(3000);
    for (const sort of LIST_SORTS) {
      const whole = search.query({ sort, limit: 100_000 }).hits.map((h) => h.id);
      const { ids, totals } = allPages(search, { sort }, 128);
      expect(ids).toEqual(whole);
      expect(new Set(ids).size).toBe(3000);
      expect(new Set(totals)).toEqual(new Set([3000]));
    }
    const filtered = allPages(search, { sort: 'date', filters: { kind: ['oral'] } }, 97);
    expect(filtered.ids).toEqual(
      bruteForce(library.catalog.all(), { sort: 'date', filters: { kind: ['oral'] } }),
    );
    await library.close();
  });

  it('puts undated items last and fuzzy dates by the first day they cover', async () => {
    const { library, search } = await setup(0);
    for (const [title, eventDate] of <[string, string][]>[
      ['无', ''],
      ['八十年代', '1980年代'],
      ['1984', '1984'],
      ['1979', '1979-12-31'],
      ['1980-01', '1980-01'],
    ])
      await library.createItem({ kind: 'document', title, eventDate });
    const titles = (descending: boolean) =>
      search.query({ sort: 'date', descending }).hits.map((h) => library.catalog.get(h.id)!.title);
    expect(titles(false)).toEqual(['1979', '1980-01', '八十年代', '1984', '无']);
    // Descending reverses ties too (both start on 1980-01-01); undated items stay last.
    expect(titles(true)).toEqual(['1984', '八十年代', '1980-01', '1979', '无']);
    await library.close();
  });

  it('counts without listing when asked for no rows, between pages of lists kept in order', async () => {
    const { library, search } = await setup(3000);
    const items = library.catalog.all();
    const byTitle = search.query({ sort: 'title', limit: 50 }).hits.map((h) => h.id);
    for (const [, filters] of FILTERS) {
      const count = search.query({ filters, limit: 0 });
      expect(count.hits).toEqual([]);
      expect(count.total).toBe(bruteForce(items, { filters }).length);
    }
    expect(search.query({ sort: 'title', offset: 50, limit: 50 }).hits.map((h) => h.id)).toEqual(
      bruteForce(items, { sort: 'title' }).slice(50, 100),
    );
    expect(byTitle).toEqual(bruteForce(items, { sort: 'title' }).slice(0, 50));
    await library.close();
  });

  it('counts facets over every match, not just the page', async () => {
    const { library, search } = await setup(3000);
    const items = library.catalog.all().filter((item) => item.kind === 'oral');
    const page = search.query({ filters: { kind: ['oral'] }, facets: true, limit: 1 });
    expect(page.facets!.kind).toEqual([{ value: 'oral', count: items.length }]);
    const zhang = items.filter((item) => item.people.some((p) => p.name === '张三')).length;
    expect(page.facets!.person.find((f) => f.value === '张三')?.count).toBe(zhang);
    await library.close();
  });

  it('shows a change in the next query: new, edited and deleted items', async () => {
    const { library, search } = await setup(2000);
    const titleOrder = () => search.query({ sort: 'title', limit: 100_000 }).hits.map((h) => h.id);
    titleOrder();
    const added = await library.createItem({ kind: 'photo', title: '阿', identifier: 'XC-0-0' });
    expect(titleOrder()).toEqual(bruteForce(library.catalog.all(), { sort: 'title' }));
    const some = library.catalog.all()[10]!;
    await library.updateItem(some.id, { title: '最后', kind: 'oral', eventDate: '1911' });
    expect(titleOrder()).toEqual(bruteForce(library.catalog.all(), { sort: 'title' }));
    expect(search.query({ sort: 'date', limit: 1 }).hits[0]!.id).toBe(some.id);
    expect(search.query({ filters: { kind: ['oral'] }, limit: 100_000 }).hits.map((h) => h.id)).toContain(
      some.id,
    );
    await library.deleteItem(added.id);
    expect(titleOrder()).not.toContain(added.id);
    expect(titleOrder()).toEqual(bruteForce(library.catalog.all(), { sort: 'title' }));
    expect(search.query({}).total).toBe(2000);
    await library.close();
  });

  it('narrows a text search with the same filters and sorts', async () => {
    const { library, search } = await setup(3000);
    const request: QueryRequest = {
      text: '钧瓷',
      filters: { place: ['许昌市'] },
      sort: 'title',
      limit: 100_000,
    };
    const expected = bruteForce(
      library.catalog.all().filter((item) => itemFields(item).some((f) => f.includes('钧瓷'))),
      request,
    );
    const page = search.query(request);
    expect(page.hits.map((h) => h.id)).toEqual(expected);
    expect(page.hits[0]!.excerpt).toBeDefined();
    expect(search.query({ ...request, snippets: false }).hits[0]!.excerpt).toBeUndefined();
    await library.close();
  });

  it('loads a saved index with its facts, and answers the same', async () => {
    const root = await tempDir();
    const library = await Library.create(root, 'lib');
    await putStraight(library, generate(500, 3));
    const first = new SearchIndex(library.catalog, { dir: SearchIndex.folder(root) });
    await first.ready;
    await first.flush();
    const again = new SearchIndex(library.catalog, { dir: SearchIndex.folder(root) });
    await again.ready;
    for (const sort of LIST_SORTS) {
      const request: QueryRequest = { sort, filters: { decade: ['1980'] }, facets: true, limit: 1000 };
      expect(again.query(request)).toEqual(first.query(request));
    }
    await library.close();
  });
});
