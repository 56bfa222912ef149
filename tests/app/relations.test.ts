// 相关条目: links made both ways in one commit, taken away, cleaned up on delete, audited, and kept
// by backup, restore and merge.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import type { Item, OpOutput } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { nodeStorageFs, type StorageFs } from '../../electron/core/storage';
import { fonts } from '../helpers/fonts';
import { libraryOf } from '../helpers/libraryOf';
import { tempDir } from '../helpers/tempDir';
import { backupZipFile, BROWSER, call, failure, stageUpload } from '../helpers/transferFixtures';

const open: Application[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

async function app(root: string): Promise<Application> {
  if (!(await readFile(path.join(root, 'library.json')).catch(() => null)))
    await (await Library.create(root, path.basename(root))).close();
  const opened = await Application.open(root, { fonts });
  open.push(opened);
  return opened;
}

/** An oral history and two photos, created through the application. */
async function interviewWithPhotos(a: Application) {
  const create = (title: string, kind: string) => call<Item>(a, 'items.create', { title, kind });
  return {
    oral: await create('张德顺口述：发制品厂的起步', 'oral'),
    photo1: await create('1984年发制品车间', 'photo'),
    photo2: await create('建厂合影', 'photo'),
  };
}

const get = (a: Application, id: string) => call<Item>(a, 'items.get', { id });
const ids = (item: Item) => item.related.map((r) => r.id).sort();

describe('links between items', () => {
  it('links both ways, each end in 修改记录, and unlinks both ways', async () => {
    const a = await app(path.join(await tempDir(), 'lib'));
    const { oral, photo1, photo2 } = await interviewWithPhotos(a);
    const linked = await call<Item>(a, 'items.relate', { id: oral.id, other: photo1.id, role: '照片' });
    expect(linked.related).toEqual([{ id: photo1.id, role: '照片' }]);
    await call(a, 'items.relate', { id: photo2.id, other: oral.id });
    expect(ids(await get(a, oral.id))).toEqual([photo1.id, photo2.id].sort());
    expect((await get(a, photo1.id)).related).toEqual([{ id: oral.id, role: '照片' }]);
    expect((await get(a, photo2.id)).related).toEqual([{ id: oral.id, role: '' }]);
    const history = await call<OpOutput<'items.history'>>(a, 'items.history', { id: photo1.id });
    expect(history.at(-1)!.changes).toEqual([{ field: 'related', old: [], new: [{ id: oral.id, role: '照片' }] }]);

    await call(a, 'items.relate', { id: photo1.id, other: oral.id, unlink: true });
    expect(ids(await get(a, oral.id))).toEqual([photo2.id]);
    expect((await get(a, photo1.id)).related).toEqual([]);
  });

  it('refuses a link to itself or to an item that is not there, changing nothing', async () => {
    const a = await app(path.join(await tempDir(), 'lib'));
    const { oral } = await interviewWithPhotos(a);
    expect((await failure(a, 'items.relate', { id: oral.id, other: oral.id })).message).toMatch(/自身/);
    expect((await failure(a, 'items.relate', { id: oral.id, other: 'ffffffff' })).message).toMatch(/找不到条目/);
    expect((await get(a, oral.id)).related).toEqual([]);
  });

  it('deleting an item takes it off the lists of the items linked to it, and undoing the delete links it again', async () => {
    const a = await app(path.join(await tempDir(), 'lib'));
    const { oral, photo1, photo2 } = await interviewWithPhotos(a);
    await call(a, 'items.relate', { id: oral.id, other: photo1.id });
    await call(a, 'items.relate', { id: oral.id, other: photo2.id });
    await call(a, 'items.delete', { id: oral.id });
    expect((await get(a, photo1.id)).related).toEqual([]);
    expect((await get(a, photo2.id)).related).toEqual([]);
    // The photo's history shows the link taken away by the deletion.
    const photoHistory = await call<OpOutput<'items.history'>>(a, 'items.history', { id: photo1.id });
    expect(photoHistory.at(-1)!.changes[0]).toMatchObject({ field: 'related', new: [] });

    const deletion = (await call<OpOutput<'items.history'>>(a, 'items.history', { id: oral.id })).at(-1)!;
    await call(a, 'items.undo', { entryId: deletion.id });
    expect(ids(await get(a, photo1.id))).toEqual([oral.id]);
    expect(ids(await get(a, oral.id))).toEqual([photo1.id, photo2.id].sort());
  });

  it('writes both ends in one commit: one journal, one audit append; a failed append leaves neither linked', async () => {
    const root = path.join(await tempDir(), 'lib');
    const counts = { journals: 0, appends: 0 };
    let failAppend = false;
    const storageFs: StorageFs = {
      ...nodeStorageFs,
      rename: async (from, to) => {
        if (path.basename(to) === 'journal.json') counts.journals++;
        return nodeStorageFs.rename(from, to);
      },
      open: async (file, flags) => {
        if (file.endsWith('audit.jsonl') && flags === 'a') {
          counts.appends++;
          if (failAppend) throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        }
        return nodeStorageFs.open(file, flags);
      },
    };
    const library = await Library.create(root, 'lib', { storageFs });
    const oral = await library.createItem({ title: '口述', kind: 'oral' });
    const photo = await library.createItem({ title: '照片', kind: 'photo' });
    Object.assign(counts, { journals: 0, appends: 0 });
    await library.relate([{ id: oral.id, other: photo.id }]);
    expect(counts).toEqual({ journals: 1, appends: 1 });
    expect(library.catalog.get(photo.id)!.related).toEqual([{ id: oral.id, role: '' }]);
    const entries = (await readFile(library.path('log', 'audit.jsonl'), 'utf8')).trim().split('\n');
    expect(entries.slice(-2).map((line) => (JSON.parse(line) as { itemId: string }).itemId).sort()).toEqual(
      [oral.id, photo.id].sort(),
    );

    const third = await library.createItem({ title: '文献', kind: 'document' });
    failAppend = true;
    await expect(library.relate([{ id: third.id, other: photo.id }])).rejects.toThrow();
    failAppend = false;
    expect(library.catalog.get(third.id)!.related).toEqual([]);
    expect(library.catalog.get(photo.id)!.related).toEqual([{ id: oral.id, role: '' }]);
    await library.close();
    // On disk too: opened again, neither end of the failed link is there.
    const again = await Library.open(root);
    expect(again.catalog.get(third.id)!.related).toEqual([]);
    expect(again.catalog.get(photo.id)!.related).toEqual([{ id: oral.id, role: '' }]);
    await again.close();
  });

  it('an edit that sets one end’s list (or undoes a link) keeps the other end in step', async () => {
    const a = await app(path.join(await tempDir(), 'lib'));
    const { oral, photo1 } = await interviewWithPhotos(a);
    await call(a, 'items.update', { id: oral.id, patch: { related: [{ id: photo1.id, role: '照片' }] } });
    expect((await get(a, photo1.id)).related).toEqual([{ id: oral.id, role: '照片' }]);
    const link = (await call<OpOutput<'items.history'>>(a, 'items.history', { id: oral.id })).at(-1)!;
    await call(a, 'items.undo', { entryId: link.id });
    expect((await get(a, photo1.id)).related).toEqual([]);
  });
});

describe('links kept by backup, restore and merge', () => {
  it('a restored backup has the links', async () => {
    const dir = await tempDir();
    const a = await app(path.join(dir, '甲馆'));
    const { oral, photo1, photo2 } = await interviewWithPhotos(a);
    await call(a, 'items.relate', { id: oral.id, other: photo1.id, role: '照片' });
    await call(a, 'items.relate', { id: oral.id, other: photo2.id, role: '照片' });
    const zip = path.join(dir, 'backup.zip');
    await backupZipFile(a, zip);
    const upload = await stageUpload(a, 'backup.zip', await readFile(zip));
    const restored = await call<OpOutput<'library.restore'>>(a, 'library.restore', { upload }, BROWSER);
    const b = await app(restored.root);
    expect(ids(await get(b, oral.id))).toEqual([photo1.id, photo2.id].sort());
    expect((await get(b, photo2.id)).related).toEqual([{ id: oral.id, role: '照片' }]);
  });

  it('a merge keeps the package’s links whose both ends are here, to items added and to ours alike', async () => {
    const dir = await tempDir();
    const ours = await app(path.join(dir, '甲馆'));
    const theirs = await app(path.join(dir, '乙馆'));
    // An item both libraries hold (same id, same fields).
    const shared = await call<Item>(ours, 'items.create', { title: '共同的授权书', kind: 'document' });
    await libraryOf(theirs).importItem(shared);
    const { oral, photo1, photo2 } = await interviewWithPhotos(theirs);
    await call(theirs, 'items.relate', { id: oral.id, other: photo1.id, role: '照片' });
    await call(theirs, 'items.relate', { id: oral.id, other: photo2.id, role: '照片' });
    await call(theirs, 'items.relate', { id: oral.id, other: shared.id, role: '授权书' });

    const zip = path.join(dir, 'theirs.zip');
    await backupZipFile(theirs, zip);
    const upload = await stageUpload(ours, '乙馆.zip', await readFile(zip));
    const merged = await call<OpOutput<'library.merge'>>(ours, 'library.merge', { upload }, BROWSER);
    expect(merged.added.sort()).toEqual([oral.id, photo1.id, photo2.id].sort());
    // The shared item's new link is not a conflict: links are added, never overwritten.
    expect(merged.identical).toEqual([shared.id]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.linked).toBe(3);
    expect(ids(await get(ours, oral.id))).toEqual([photo1.id, photo2.id, shared.id].sort());
    expect((await get(ours, shared.id)).related).toEqual([{ id: oral.id, role: '授权书' }]);
    expect((await get(ours, photo1.id)).related).toEqual([{ id: oral.id, role: '照片' }]);

    // Merged again: nothing new, no link twice.
    const again = await stageUpload(ours, '乙馆.zip', await readFile(zip));
    const second = await call<OpOutput<'library.merge'>>(ours, 'library.merge', { upload: again }, BROWSER);
    expect(second.linked).toBe(0);
    expect(second.conflicts).toEqual([]);
    expect((await get(ours, oral.id)).related).toHaveLength(3);
  });
});
