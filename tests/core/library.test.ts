import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { Library, LIBRARY_FORMAT_VERSION } from '../../electron/core/library';
import { WenshiError } from '../../electron/core/errors';
import { verifyLibrary } from '../../electron/core/integrity';
import { SearchIndex } from '../../electron/core/search';
import { unreadableDates } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

const fields = {
  kind: 'oral' as const,
  title: '许昌发制品产业的起步',
  people: [{ name: '张三', role: '口述人' }],
  eventDate: '1984年春',
  places: ['许昌市'],
  text: '那年春天，我们在许昌开始做发制品。',
};

describe('Library', () => {
  it('creates the library folder layout', async () => {
    const root = await tempDir();
    const library = await Library.create(root, '许昌改革记忆');
    await library.close();
    const entries = await readdir(root);
    for (const name of ['library.json', 'catalog', 'files', 'derived', 'index', 'exports', 'log'])
      expect(entries).toContain(name);
    const info = JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8'));
    expect(info).toMatchObject({
      format: 'wenshi-library',
      formatVersion: LIBRARY_FORMAT_VERSION,
      name: '许昌改革记忆',
    });
  });

  it('keeps items across reopen: add, edit, delete', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const a = await library.createItem(fields);
    const b = await library.createItem({ ...fields, title: '第二篇' });
    await library.updateItem(a.id, { title: '许昌发制品产业的起步（修订）' });
    await library.deleteItem(b.id);
    await library.close();

    library = await Library.open(root);
    expect(library.catalog.all().map((i) => i.title)).toEqual(['许昌发制品产业的起步（修订）']);
    expect(library.catalog.get(a.id)?.people).toEqual([{ name: '张三', role: 'narrator' }]);
    await library.close();
  });

  it('records every change in the audit log with old and new values', async () => {
    const root = await tempDir();
    const library = await Library.create(root, 'lib');
    const item = await library.createItem(fields);
    await library.updateItem(item.id, { places: ['禹州市'] });
    const entries = await library.audit.entriesFor(item.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]!.changes).toEqual([{ field: 'places', old: ['许昌市'], new: ['禹州市'] }]);
    await library.close();
  });

  it('rejects invalid fields with a Chinese message and keeps the item unchanged', async () => {
    const root = await tempDir();
    const library = await Library.create(root, 'lib');
    const item = await library.createItem(fields);
    await expect(library.updateItem(item.id, { title: '  ' })).rejects.toThrow(/题名不能为空/);
    expect(library.catalog.get(item.id)?.title).toBe(fields.title);
    await library.close();
  });

  it('opens read-only while another process holds the lock, and takes over a dead one’s lock', async () => {
    const root = await tempDir();
    const first = await Library.create(root, 'lib');
    const second = await Library.open(root);
    expect(second.readOnly).toBe(true);
    expect(second.lockedBy?.pid).toBe(process.pid);
    await expect(second.createItem(fields)).rejects.toThrow(/只读/);
    await first.close();

    // A lock left by a process that has died.
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    await writeFile(
      path.join(root, 'library.lock'),
      JSON.stringify({ pid: deadPid, host: os.hostname(), since: '' }),
    );
    const third = await Library.open(root);
    expect(third.readOnly).toBe(false);
    await third.close();
  });

  it('refuses a library made by a newer version, and a folder that is not a library', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const infoFile = path.join(root, 'library.json');
    const info = JSON.parse(await readFile(infoFile, 'utf8'));
    await writeFile(infoFile, JSON.stringify({ ...info, formatVersion: LIBRARY_FORMAT_VERSION + 1 }));
    await expect(Library.open(root)).rejects.toThrow(/更新版本/);
    const empty = await tempDir();
    await expect(Library.open(empty)).rejects.toSatisfy(
      (e) => e instanceof WenshiError && e.code === 'not_a_library',
    );
  });

  it('falls back to the backup when a catalog shard is corrupt', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const item = await library.createItem(fields);
    await library.updateItem(item.id, { places: ['禹州市'] });
    await library.close();
    const shard = path.join(root, 'catalog', `items-${item.id.slice(0, 2)}.json`);
    await writeFile(shard, '{"items": {"trunc');
    library = await Library.open(root);
    // The backup holds the version before the last write: nothing earlier is lost.
    expect(library.catalog.get(item.id)?.places).toEqual(['许昌市']);
    // Verification names the damaged shard, so a person learns the last change there may be gone.
    const report = await verifyLibrary(library);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'damaged', path: `catalog/items-${item.id.slice(0, 2)}.json` }),
    ]);
    await library.close();
  });

  it('verification names every symbolic link, and says which lead out of the library', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    const library = await Library.create(root, 'lib');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await mkdir(path.join(root, 'files', 'ab'), { recursive: true });
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'files', 'ab', `${'ab'.repeat(32)}.txt`));
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'exports', 'leak.pdf'));
    await symlink(path.join(root, 'files'), path.join(root, 'derived', 'ab'));
    const report = await verifyLibrary(library);
    const links = report.problems.filter((p) => p.kind === 'link');
    expect(links.map((p) => p.path).sort()).toEqual([
      'derived/ab',
      'exports/leak.pdf',
      `files/ab/${'ab'.repeat(32)}.txt`,
    ]);
    expect(links.find((p) => p.path === 'exports/leak.pdf')?.message).toMatch(/指向资料库之外/);
    expect(links.find((p) => p.path === 'derived/ab')?.message).toMatch(/不应有符号链接/);
    // A link is not read as an original: nothing outside is hashed or called an orphan.
    expect(report.problems.filter((p) => p.kind === 'orphan')).toEqual([]);
    await library.close();
  });

  it('stores catalog shards as compact JSON', async () => {
    const root = await tempDir();
    const library = await Library.create(root, 'lib');
    const item = await library.createItem(fields);
    await library.close();
    const text = await readFile(path.join(root, 'catalog', `items-${item.id.slice(0, 2)}.json`), 'utf8');
    expect(text).not.toContain('\n');
    expect(JSON.parse(text).items[item.id].title).toBe(fields.title);
  });
});

describe('Library edits', () => {
  it('changes only the fields an edit names', async () => {
    const library = await Library.create(await tempDir(), 'lib');
    const item = await library.createItem(fields);
    const updated = await library.updateItem(item.id, { title: '新题名' });
    expect(updated).toMatchObject({
      ...fields,
      title: '新题名',
      eventDate: { text: '1984年春', edtf: '1984-21' },
      people: [{ name: '张三', role: 'narrator' }],
    });
    await library.close();
  });
});

describe('catalog description', () => {
  it('stores a date as typed beside its EDTF, and saves an unreadable one for review', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const item = await library.createItem({ ...fields, eventDate: '八十年代初', createdDate: '约1990年' });
    expect(item).toMatchObject({
      eventDate: { text: '八十年代初', edtf: '1980/1983' },
      createdDate: { text: '约1990年', edtf: '1990~' },
    });
    const search = new SearchIndex(library.catalog);
    await search.ready;
    const pending = () => search.query({ filters: { pendingReview: true } }).hits.map((h) => h.id);
    expect(pending()).toEqual([]);
    const unread = await library.updateItem(item.id, { eventDate: '那年发大水的时候' });
    expect(unread.eventDate).toEqual({ text: '那年发大水的时候', edtf: '' });
    expect(unreadableDates(unread)).toEqual([{ field: 'eventDate', text: '那年发大水的时候' }]);
    expect(pending()).toEqual([item.id]);
    await library.close();
    // Kept across reopening, wording and all.
    library = await Library.open(root);
    expect(library.catalog.get(item.id)!.eventDate).toEqual({ text: '那年发大水的时候', edtf: '' });
    await library.updateItem(item.id, { eventDate: '民国三十八年' });
    expect(library.catalog.get(item.id)!.eventDate).toEqual({ text: '民国三十八年', edtf: '1949' });
    await library.close();
  });

  it("reads named periods by the library's own table, which it can edit", async () => {
    const library = await Library.create(await tempDir(), 'lib');
    const periods = library.info.settings.datePeriods;
    expect(periods.find((p) => p.name === '文革期间')?.edtf).toBe('1966-05/1976-10');
    await library.updateSettings({
      datePeriods: periods.map((p) => (p.name === '解放前夕' ? { ...p, edtf: '1948-10/1948-12' } : p)),
    });
    const item = await library.createItem({ ...fields, eventDate: '解放前夕' });
    expect(item.eventDate).toEqual({ text: '解放前夕', edtf: '1948-10/1948-12' });
    await library.close();
  });

  it('gives each new item the next 档号 from the library pattern', async () => {
    const library = await Library.create(await tempDir(), 'lib', {
      settings: { identifierPattern: 'XCGG-{year}-{seq:4}' },
      clock: () => new Date('2023-06-01T00:00:00Z'),
    });
    const a = await library.createItem(fields);
    const b = await library.createItem(fields);
    const c = await library.createItem({ ...fields, identifier: 'XCGG-2023-0010' });
    const d = await library.createItem(fields);
    expect([a, b, c, d].map((i) => i.identifier)).toEqual([
      'XCGG-2023-0001',
      'XCGG-2023-0002',
      'XCGG-2023-0010',
      'XCGG-2023-0011',
    ]);
    await library.close();
  });

  it('remembers who moved an item through review and when', async () => {
    const library = await Library.create(await tempDir(), 'lib', { actor: '王编辑' });
    const item = await library.createItem(fields);
    expect(item.editorialStatus).toBe('collected');
    const reviewed = await library.updateItem(item.id, { editorialStatus: 'review1' });
    expect(reviewed.statusHistory).toEqual([{ status: 'review1', by: '王编辑', at: expect.any(String) }]);
    await library.close();
  });

  it('undoes an edit, a creation and a deletion, logging each undo', async () => {
    const library = await Library.create(await tempDir(), 'lib');
    const item = await library.createItem(fields);
    await library.updateItem(item.id, { title: '改错了的题名', places: ['禹州市'] });
    let history = await library.audit.entriesFor(item.id);
    const restored = await library.undo(history[1]!.id);
    expect(restored).toMatchObject({ title: fields.title, places: ['许昌市'] });

    await library.deleteItem(item.id);
    history = await library.audit.entriesFor(item.id);
    const back = await library.undo(history.at(-1)!.id);
    expect(back).toMatchObject({ id: item.id, title: fields.title, identifier: item.identifier });

    const other = await library.createItem({ ...fields, title: '误建' });
    await library.undo((await library.audit.entriesFor(other.id))[0]!.id);
    expect(library.catalog.get(other.id)).toBeUndefined();

    history = await library.audit.entriesFor(item.id);
    expect(history.map((e) => [e.action, Boolean(e.undoOf)])).toEqual([
      ['create', false],
      ['update', false],
      ['update', true],
      ['delete', false],
      ['create', true],
    ]);
    await library.close();
  });
});

describe('bulk creation', () => {
  it('creates many items with their 档号, one write per shard, all logged and all there after reopening', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib', {
      settings: { identifierPattern: 'XC-{seq:5}' },
    });
    await library.createItem(fields);
    const list = Array.from({ length: 2000 }, (_, i) => ({ ...fields, title: `第${i}篇` }));
    const items = (await library.createItems(list)).map((o) =>
      o.ok ? o.item : assert.fail(String(o.error)),
    );
    expect(items.at(-1)!.identifier).toBe('XC-02001');
    expect(new Set(items.map((i) => i.identifier)).size).toBe(2000);
    expect((await library.audit.entriesFor(items[0]!.id))[0]!.action).toBe('create');
    await library.close();
    library = await Library.open(root);
    expect(library.catalog.size).toBe(2001);
    expect(library.catalog.all().filter((i) => i.title === '第1999篇')).toHaveLength(1);
    await library.close();
  });
});

describe('bulk edits', () => {
  it('commits a group of edits together, logged one entry an item, and none when one edit is invalid', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const items = (
      await library.createItems(Array.from({ length: 50 }, (_, i) => ({ ...fields, title: `第${i}篇` })))
    ).map((o) => (o.ok ? o.item : assert.fail(String(o.error))));
    const edited = await library.updateItems(
      items.map((item) => ({ id: item.id, patch: { tags: ['已校'] } })),
    );
    expect(edited.every((item) => item.tags.includes('已校'))).toBe(true);
    expect((await library.audit.entries()).filter((e) => e.action === 'update')).toHaveLength(50);

    // One bad edit in the group: the group is refused whole, nothing is written or logged.
    const bad = library.updateItems([
      { id: items[0]!.id, patch: { title: '新题名' } },
      // (A date never fails: one it cannot read is kept as written. An empty title does.)
      { id: items[1]!.id, patch: { title: ' ' } },
    ]);
    await expect(bad).rejects.toThrow();
    expect(library.catalog.get(items[0]!.id)?.title).toBe('第0篇');
    expect((await library.audit.entries()).filter((e) => e.action === 'update')).toHaveLength(50);
    await library.close();
    library = await Library.open(root);
    expect(library.catalog.get(items[0]!.id)).toMatchObject({ title: '第0篇', tags: ['已校'] });
    await library.close();
  });
});
