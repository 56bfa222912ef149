import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { SearchIndex, WorkerSearch } from '../../electron/core/search';
import { tempDir } from '../helpers/tempDir';

/** A worker-backed search over a real library folder, as the server and the desktop app run it. */
async function open(root: string, progress: number[] = []) {
  const library = await Library.open(root);
  const search = new WorkerSearch(library.catalog, {
    catalogDir: library.path('catalog'),
    indexDir: SearchIndex.folder(root),
    persist: true,
    onProgress: (p) => progress.push(p.done),
  });
  const titles = async (query: string) =>
    (await search.search(query, { limit: 100 })).hits.map((h) => h.title).sort();
  return { library, search, titles };
}

describe('WorkerSearch: the index in a worker thread', () => {
  it('hands over from the worker that built the index to one that loads it, missing no change', async () => {
    const root = await tempDir();
    const created = await Library.create(root, 'lib');
    await created.createItems(
      Array.from({ length: 300 }, (_, i) => ({
        kind: 'document' as const,
        title: `第${i}篇`,
        text: `許昌第${i}號`,
      })),
    );
    await created.close();
    const { library, search, titles } = await open(root);
    try {
      expect((await search.search('许昌', { limit: 1 })).total).toBe(300);
      // Changes and queries go on while the fresh worker loads the saved index.
      const during = await library.createItem({ kind: 'document', title: '交接时', text: '禹州钧瓷' });
      expect(await titles('钧瓷')).toEqual(['交接时']);
      await expect.poll(() => search.workersStarted, { timeout: 30_000 }).toBe(2);
      // Let the fresh worker take over, then ask it about what changed while it loaded.
      await expect.poll(async () => (await search.search('钧瓷')).total, { timeout: 30_000 }).toBe(1);
      await library.updateItem(during.id, { text: '长葛' });
      expect(await titles('长葛')).toEqual(['交接时']);
      expect((await search.search('许昌', { limit: 1 })).total).toBe(300);
      // A library whose index was loaded, not built, keeps its one worker.
      await search.close();
      await library.close();
      const again = await open(root);
      await again.search.ready;
      expect((await again.search.search('长葛')).total).toBe(1);
      expect(again.search.workersStarted).toBe(1);
      await again.search.close();
      await again.library.close();
    } finally {
      await search.close();
    }
  });

  it('builds from the catalog files, follows every change in order, and saves its index', async () => {
    const root = await tempDir();
    const created = await Library.create(root, 'lib');
    await created.createItem({ kind: 'document', title: '甲', text: '許昌的發展' });
    await created.close();

    const progress: number[] = [];
    const { library, search, titles } = await open(root, progress);
    expect(await titles('许昌')).toEqual(['甲']);
    expect(progress.at(-1)).toBe(1);

    // Each search is answered after the changes made before it: no waiting for the worker.
    const item = await library.createItem({ kind: 'document', title: '乙', text: '禹州钧瓷' });
    expect(await titles('钧瓷')).toEqual(['乙']);
    await library.updateItem(item.id, { text: '长葛' });
    expect(await titles('钧瓷')).toEqual([]);
    expect(await titles('长葛')).toEqual(['乙']);
    await library.deleteItem(item.id);
    expect(await titles('长葛')).toEqual([]);

    await search.close();
    await library.close();
    expect((await readdir(SearchIndex.folder(root))).sort()).toEqual(['index.bin', 'meta.json']);

    // Opened again, the saved index is loaded, not rebuilt.
    const again = await open(root, ((progress.length = 0), progress));
    expect(await again.titles('發展')).toEqual(['甲']);
    expect(progress).toEqual([]);
    await again.search.close();
    await again.library.close();
  });

  it('catches up at start with what changed while it was not running, reading only those items', async () => {
    const root = await tempDir();
    const created = await Library.create(root, 'lib');
    const kept = await created.createItem({ kind: 'document', title: '甲', text: '許昌' });
    const edited = await created.createItem({ kind: 'document', title: '乙', text: '禹州' });
    const gone = await created.createItem({ kind: 'document', title: '丙', text: '长葛' });
    await created.close();
    const first = await open(root);
    expect(await first.titles('禹州')).toEqual(['乙']);
    await first.search.close();
    await first.library.close();

    // Edits made with the index closed, as by the CLI.
    const offline = await Library.open(root);
    await offline.updateItem(edited.id, { text: '鄢陵' });
    await offline.deleteItem(gone.id);
    await offline.createItem({ kind: 'oral', title: '丁', text: '襄城' });
    await offline.close();

    const again = await open(root);
    expect(await again.titles('禹州')).toEqual([]);
    expect(await again.titles('鄢陵')).toEqual(['乙']);
    expect(await again.titles('长葛')).toEqual([]);
    expect(await again.titles('襄城')).toEqual(['丁']);
    expect(await again.titles('许昌')).toEqual(['甲']);
    const all = await again.search.query({ sort: 'title' });
    expect(all.hits.map((h) => again.library.catalog.get(h.id)?.title)).toEqual(['丁', '甲', '乙']);
    expect(all.hits.map((h) => h.id)).toContain(kept.id);
    await again.search.close();
    await again.library.close();
  });

  it('indexes a batch of thousands of new items, every one of them found', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const { library, search, titles } = await open(root);
    await search.ready;
    const batch = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'document' as const,
      title: `第${i}号`,
      text: i % 2 ? '许昌发制品' : '禹州钧瓷',
    }));
    await library.createItems(batch);
    expect((await search.search('许昌')).total).toBe(1500);
    expect((await search.search('钧瓷')).total).toBe(1500);
    expect(await titles('第42号')).toEqual(['第42号']);
    await search.close();
    await library.close();
  });

  it('browses in pages of ids, and builds search hits from the catalog in this thread', async () => {
    const root = await tempDir();
    const created = await Library.create(root, 'lib');
    await created.createItem({ kind: 'document', title: '许昌', text: '發制品', eventDate: '1984' });
    await created.createItem({ kind: 'oral', title: '阿城', text: '钧瓷' });
    await created.close();
    const { library, search } = await open(root);
    const titles = async (request: Parameters<typeof search.query>[0]) =>
      (await search.query(request)).hits.map((h) => library.catalog.get(h.id)!.title);
    expect(await titles({ sort: 'title' })).toEqual(['阿城', '许昌']);
    expect(await titles({ sort: 'date' })).toEqual(['许昌', '阿城']);
    expect(await titles({ filters: { kind: ['oral'] } })).toEqual(['阿城']);
    const page = await search.query({ sort: 'title', offset: 1, limit: 1, facets: true });
    expect(page.total).toBe(2);
    expect(page.hits.map((h) => Object.keys(h).sort())).toEqual([['id', 'score']]);
    expect(page.facets!.kind).toEqual([
      { value: 'document', count: 1 },
      { value: 'oral', count: 1 },
    ]);
    await library.createItem({ kind: 'photo', title: '包头', text: '' });
    expect(await titles({ sort: 'title' })).toEqual(['阿城', '包头', '许昌']);
    const hit = (await search.search('发制品')).hits[0]!;
    expect([hit.title, hit.snippet, hit.eventDate]).toEqual([
      '许昌',
      '發制品',
      { text: '1984', edtf: '1984' },
    ]);
    expect(hit.snippet.slice(...hit.highlights[0]!)).toBe('發制品');
    await search.close();
    await library.close();
  });

  it('starts a worker again when it dies, and nothing is lost', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const { library, search, titles } = await open(root);
    await library.createItem({ kind: 'document', title: '甲', text: '鄢陵花木' });
    expect(await titles('花木')).toEqual(['甲']);
    // What a crash of the worker looks like from outside: its thread is gone.
    await (search as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await library.createItem({ kind: 'document', title: '乙', text: '襄城烟草，鄢陵花木' });
    await expect.poll(() => titles('花木').catch(() => []), { timeout: 20_000 }).toEqual(['乙', '甲']);
    await search.close();
    await library.close();
  });
});
