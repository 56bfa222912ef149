import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { ItemPatchSchema, ItemSchema } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

const regions = [
  { x: 0.55, y: 0.1, w: 0.2, h: 0.5, name: '李四' },
  { x: 0.1, y: 0.12, w: 0.25, h: 0.6, name: '张三' },
];

const photo = {
  kind: 'photo' as const,
  title: '许昌发制品厂开业',
  photo: { caption: '1984年，许昌发制品厂开业。', width: 1600, height: 1200, regions },
};

describe('people marked on photos (图中人物)', () => {
  it('keeps regions across reopening the library, logs their change and undoes it', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const item = await library.createItem(photo);
    expect(item.photo?.regions).toEqual(regions);
    await library.updateItem(item.id, {
      photo: { ...item.photo!, regions: [...regions, { x: 0.8, y: 0.2, w: 0.15, h: 0.5, name: '王五' }] },
      people: [{ name: '王五', role: 'depicted' }],
    });
    await library.close();

    library = await Library.open(root);
    const saved = library.catalog.get(item.id)!;
    expect(saved.photo?.regions.map((r) => r.name)).toEqual(['李四', '张三', '王五']);
    expect(saved.photo?.caption).toBe(photo.photo.caption);
    const [, edit] = await library.audit.entriesFor(item.id);
    expect(edit!.changes.map((c) => c.field).sort()).toEqual(['people', 'photo']);

    const undone = await library.undo(edit!.id);
    expect(undone.photo?.regions).toEqual(regions);
    expect(undone.people).toEqual([]);
    await library.close();
  });

  it('reads an item written before regions existed as having none, and edits it', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const { id } = await library.createItem(photo);
    await library.close();

    // Rewrite the item as an older version stored it: photo details without `regions`.
    const shard = path.join(root, 'catalog', `items-${id.slice(0, 2)}.json`);
    const data = JSON.parse(await readFile(shard, 'utf8')) as { items: Record<string, { photo: object }> };
    const { regions: _dropped, ...oldPhoto } = data.items[id]!.photo as { regions: unknown };
    data.items[id]!.photo = oldPhoto;
    for (const file of [shard, `${shard}.bak`]) await writeFile(file, JSON.stringify(data));

    library = await Library.open(root);
    const old = library.catalog.get(id)!;
    expect(old.photo).not.toHaveProperty('regions');
    expect(ItemSchema.parse(old).photo?.regions).toEqual([]);
    const edited = await library.updateItem(id, { title: '许昌发制品厂开业典礼' });
    expect(edited.photo).toMatchObject({ caption: photo.photo.caption, width: 1600, regions: [] });
    // Nothing but the title changed: the default does not count as an edit.
    const entries = await library.audit.entriesFor(id);
    expect(entries.at(-1)!.changes.map((c) => c.field)).toEqual(['title']);
    await library.close();
  });

  it('refuses a region outside the photo or without a name', () => {
    const patch = (region: object) => ItemPatchSchema.safeParse({ photo: { regions: [region] } });
    expect(patch({ x: 0.9, y: 0, w: 0.2, h: 0.5, name: '张三' }).success).toBe(false);
    expect(patch({ x: 0.1, y: 0.1, w: 0.2, h: 0.5, name: '  ' }).success).toBe(false);
    expect(patch({ x: 0.8, y: 0, w: 0.2, h: 1, name: '张三' }).success).toBe(true);
  });
});
