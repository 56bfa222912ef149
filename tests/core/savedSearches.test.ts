import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library, runnable } from '../../electron/core/library';
import { WenshiError } from '../../electron/core/errors';
import { tempDir } from '../helpers/tempDir';

const xuchang = {
  name: '许昌口述',
  query: '许昌',
  sort: 'date' as const,
  filters: { kind: ['oral'], place: [] },
};

async function stored(root: string) {
  return JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')).settings.savedSearches;
}

describe('saved searches', () => {
  it('persist in library.json across reopening: save, rename, delete', async () => {
    const root = path.join(await tempDir(), 'lib');
    let now = new Date('2025-03-01T08:00:00Z');
    let library = await Library.create(root, 'lib', { clock: () => now });
    expect(library.info.settings.savedSearches).toEqual([]);
    const [saved] = await library.saveSearch(xuchang);
    await library.saveSearch({ name: '钧瓷', query: '钧瓷', sort: 'relevance', filters: {} });
    await library.close();

    // Empty facets are not kept; the search is stored with its times.
    expect(await stored(root)).toEqual([
      {
        id: saved!.id,
        name: '许昌口述',
        query: '许昌',
        sort: 'date',
        filters: { kind: ['oral'] },
        createdAt: '2025-03-01T08:00:00.000Z',
        updatedAt: '2025-03-01T08:00:00.000Z',
      },
      expect.objectContaining({ name: '钧瓷', query: '钧瓷' }),
    ]);

    now = new Date('2025-03-02T08:00:00Z');
    library = await Library.open(root, { clock: () => now });
    expect(library.info.settings.savedSearches.map((s) => s.name)).toEqual(['许昌口述', '钧瓷']);
    await library.renameSearch(saved!.id, '  许昌的口述史 ');
    await library.deleteSearch(library.info.settings.savedSearches[1]!.id);
    await library.close();

    library = await Library.open(root);
    expect(library.info.settings.savedSearches).toEqual([
      expect.objectContaining({ id: saved!.id, name: '许昌的口述史', updatedAt: '2025-03-02T08:00:00.000Z' }),
    ]);
    await library.close();
  });

  it('refuses a name in use unless asked to replace, and unknown ids', async () => {
    const library = await Library.create(path.join(await tempDir(), 'lib'), 'lib');
    const [first] = await library.saveSearch(xuchang);
    await expect(library.saveSearch({ ...xuchang, query: '許昌 发制品' })).rejects.toThrow(
      /已有名为「许昌口述」的检索/,
    );
    const replaced = await library.saveSearch({ ...xuchang, query: '許昌 发制品' }, { replace: true });
    expect(replaced).toEqual([expect.objectContaining({ id: first!.id, query: '許昌 发制品' })]);

    const [, other] = await library.saveSearch({ ...xuchang, name: '另一个' });
    await expect(library.renameSearch(other!.id, '许昌口述')).rejects.toThrow(/已有名为/);
    await expect(library.renameSearch(other!.id, '   ')).rejects.toThrow(/起一个名称/);
    await expect(library.deleteSearch('nope')).rejects.toBeInstanceOf(WenshiError);
    await expect(library.saveSearch({ ...xuchang, name: '空', query: ' ' })).rejects.toThrow(/检索词为空/);
    expect(library.info.settings.savedSearches).toHaveLength(2);
    await library.close();
  });

  it('keeps every one of several saves made at once', async () => {
    const root = path.join(await tempDir(), 'lib');
    let library = await Library.create(root, 'lib');
    await Promise.all(
      ['一', '二', '三', '四'].map((name) => library.saveSearch({ ...xuchang, name, query: name })),
    );
    await library.close();
    library = await Library.open(root);
    expect(library.info.settings.savedSearches.map((s) => s.name).sort()).toEqual(
      ['一', '三', '二', '四'].sort(),
    );
    await library.close();
  });

  it('opens libraries from before saved searches, and keeps what a newer version wrote', async () => {
    const root = path.join(await tempDir(), 'lib');
    await (await Library.create(root, 'lib')).close();
    const file = path.join(root, 'library.json');
    const info = JSON.parse(await readFile(file, 'utf8'));
    delete info.settings.savedSearches;
    await writeFile(file, JSON.stringify(info));
    let library = await Library.open(root);
    expect(library.info.settings.savedSearches).toEqual([]);
    await library.close();

    info.settings.savedSearches = [
      {
        id: 'a1',
        name: '新版检索',
        query: '许昌',
        sort: 'shelfmark',
        filters: { kind: ['oral'], era: ['民国'] },
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
    ];
    await writeFile(file, JSON.stringify(info));
    library = await Library.open(root);
    // Run with what this version knows…
    expect(runnable(library.info.settings.savedSearches[0]!)).toMatchObject({
      sort: 'relevance',
      filters: { kind: ['oral'] },
    });
    // …and written back as it was when another search is saved.
    await library.saveSearch({ ...xuchang });
    await library.close();
    expect((await stored(root))[0]).toMatchObject({ sort: 'shelfmark', filters: { era: ['民国'] } });
  });

  it('cannot be changed in a library open read-only', async () => {
    const root = path.join(await tempDir(), 'lib');
    await (await Library.create(root, 'lib')).close();
    const library = await Library.open(root, { readOnly: true });
    await expect(library.saveSearch(xuchang)).rejects.toMatchObject({ code: 'read_only' });
    await library.close();
  });
});
