import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT_LIBRARIES,
  addRecent,
  isRecent,
  lastLibrary,
  loadRecent,
  parseRecent,
  renameRecent,
  sameFolder,
  saveRecent,
  serializeRecent,
  withAvailability,
  type RecentLibrary,
} from '../../electron/app';
import { Workspace } from '../../electron/app';
import { openFailure, createFailure, startFailure } from '../../electron/main/libraryNotices';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { WenshiError } from '../../electron/core/errors';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';

const entry = (root: string, name = path.basename(root)): RecentLibrary => ({
  root,
  name,
  openedAt: '2025-03-01T08:00:00.000Z',
});
const roots = (list: readonly RecentLibrary[]) => list.map((r) => r.root);

describe('recent libraries', () => {
  it('puts the library just opened first, once, by its resolved path', () => {
    let list = addRecent([], entry('/data/许昌资料库'), 'linux');
    list = addRecent(list, entry('/data/长葛资料库'), 'linux');
    list = addRecent(list, entry('/data/other/../许昌资料库/'), 'linux');
    expect(roots(list)).toEqual(['/data/许昌资料库', '/data/长葛资料库']);
  });

  it('ignores case where the file system does, and only there', () => {
    expect(sameFolder('D:\\资料库\\Lib', 'd:\\资料库\\lib', 'win32')).toBe(true);
    expect(sameFolder('/Users/li/Lib', '/users/li/lib', 'darwin')).toBe(true);
    expect(sameFolder('/home/li/Lib', '/home/li/lib', 'linux')).toBe(false);
    const list = addRecent([entry('D:\\资料库\\Lib')], entry('d:\\资料库\\lib'), 'win32');
    expect(roots(list)).toEqual(['d:\\资料库\\lib']);
  });

  it('keeps the ten most recent', () => {
    let list: RecentLibrary[] = [];
    for (let i = 1; i <= 12; i++) list = addRecent(list, entry(`/data/lib-${i}`), 'linux');
    expect(list).toHaveLength(MAX_RECENT_LIBRARIES);
    expect(list[0]!.root).toBe('/data/lib-12');
    expect(list.at(-1)!.root).toBe('/data/lib-3');
  });

  it('shows folders that hold no library now as unavailable, and reopens the latest that does', () => {
    const list = [entry('/media/u盘/资料库'), entry('/data/许昌资料库'), entry('/data/旧资料库')];
    const present = (root: string) => root === '/data/许昌资料库';
    expect(withAvailability(list, present).map((r) => r.available)).toEqual([false, true, false]);
    expect(lastLibrary(list, present)).toBe('/data/许昌资料库');
    expect(lastLibrary(list, () => false)).toBeNull();
  });

  it('renames in place and answers whether a folder is on the list', () => {
    const list = [entry('/a', '甲'), entry('/b', '乙')];
    expect(renameRecent(list, '/b/', '许昌改革记忆', 'linux').map((r) => r.name)).toEqual([
      '甲',
      '许昌改革记忆',
    ]);
    expect(isRecent(list, '/a/.', 'linux')).toBe(true);
    expect(isRecent(list, '/etc', 'linux')).toBe(false);
  });

  it('reads back what it wrote, and treats a damaged or foreign file as an empty list', () => {
    const list = [entry('/data/许昌资料库'), entry('/data/长葛资料库')];
    expect(parseRecent(serializeRecent(list), 'linux')).toEqual(list);
    for (const text of ['', '{', 'null', '[]', '{"version":2,"libraries":[]}', '{"version":1}'])
      expect(parseRecent(text, 'linux'), text).toEqual([]);
    // A hand-edited file: relative paths dropped, duplicates merged, at most ten.
    const edited = {
      version: 1,
      libraries: [
        entry('relative/lib'),
        entry('/data/a'),
        entry('/data/a/'),
        ...Array.from({ length: 12 }, (_, i) => entry(`/data/n${i}`)),
      ],
    };
    const parsed = parseRecent(JSON.stringify(edited), 'linux');
    expect(parsed).toHaveLength(MAX_RECENT_LIBRARIES);
    expect(roots(parsed).slice(0, 2)).toEqual(['/data/a', '/data/n0']);
  });

  it('saves durably and loads nothing when there is no file yet', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'recent-libraries.json');
    expect(await loadRecent(file)).toEqual([]);
    await saveRecent(file, [entry('/data/许昌资料库')]);
    expect(await loadRecent(file)).toEqual([entry('/data/许昌资料库')]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });
});

describe('switching libraries', () => {
  async function setUp() {
    const dir = await tempDir();
    const first = path.join(dir, '许昌资料库');
    const second = path.join(dir, '长葛资料库');
    await (await Library.create(first, '许昌改革记忆')).close();
    await (await Library.create(second, '长葛')).close();
    const recentFile = path.join(dir, 'recent-libraries.json');
    const holder = await Workspace.load({
      open: (root) => Application.open(root, { fonts }),
      recentFile,
      clock: () => new Date('2025-03-01T08:00:00Z'),
    });
    return { dir, first, second, recentFile, holder };
  }
  const locked = (root: string) => existsSync(path.join(root, 'library.lock'));

  it('closes the old library cleanly (unlocked) and remembers both, newest first', async () => {
    const { first, second, recentFile, holder } = await setUp();
    try {
      expect((await holder.switchTo(first)).kind).toBe('switched');
      expect(locked(first)).toBe(true);
      await holder.service!.dispatch(
        'library.update',
        { name: '许昌改革记忆（修订）' },
        {},
        {
          canWrite: true,
          canUseLocalPaths: true,
        },
      );
      expect((await holder.switchTo(second)).kind).toBe('switched');
      expect(holder.service!.root).toBe(second);
      expect(locked(first)).toBe(false);
      expect(locked(second)).toBe(true);
      expect(holder.recentLibraries.map((r) => [r.root, r.name])).toEqual([
        [second, '长葛'],
        [first, '许昌改革记忆（修订）'],
      ]);
      expect(roots(await loadRecent(recentFile))).toEqual([second, first]);
      expect((await holder.switchTo(second + path.sep)).kind).toBe('same');
    } finally {
      await holder.close();
    }
    expect(locked(second)).toBe(false);
  });

  it('keeps the open library when the chosen folder is not a library', async () => {
    const { dir, first, holder } = await setUp();
    try {
      await holder.switchTo(first);
      const stray = path.join(dir, '照片');
      await writeFile(path.join(dir, 'note.txt'), 'x');
      const outcome = await holder.switchTo(dir);
      expect(outcome.kind).toBe('failed');
      expect((outcome as { error: unknown }).error).toBeInstanceOf(WenshiError);
      expect((await holder.switchTo(stray)).kind).toBe('failed');
      expect(holder.service!.root).toBe(first);
      expect(locked(first)).toBe(true);
      // Nothing was left in the folder that failed: no lock file, no library.json.
      expect(existsSync(path.join(dir, 'library.lock'))).toBe(false);
      expect(roots(holder.recentLibraries)).toEqual([first]);
    } finally {
      await holder.close();
    }
  });

  it('has no library while the old one closes, and still switches when it closes badly', async () => {
    const dir = await tempDir();
    const seen: (string | undefined)[] = [];
    const reported: string[] = [];
    const fake = (root: string, close: () => Promise<void>) => ({
      root,
      name: path.basename(root),
      close,
    });
    const holder = await Workspace.load({
      recentFile: path.join(dir, 'recent-libraries.json'),
      report: (what) => reported.push(what),
      open: async (root) =>
        fake(root, async () => {
          seen.push(holder.service?.root);
          throw new Error('disk gone');
        }),
    });
    await holder.switchTo('/data/a');
    expect((await holder.switchTo('/data/b')).kind).toBe('switched');
    expect(seen).toEqual([undefined]);
    expect(holder.service!.root).toBe('/data/b');
    expect(reported).toEqual(['上一个资料库未能正常关闭']);
  });

  it('clears the recent list but for the open library', async () => {
    const { first, second, holder } = await setUp();
    try {
      await holder.switchTo(first);
      await holder.switchTo(second);
      await holder.clearRecent();
      expect(roots(holder.recentLibraries)).toEqual([second]);
    } finally {
      await holder.close();
    }
  });
});

describe('what the desktop says when a library will not open', () => {
  it('tells a folder that is not a library to choose the library folder itself', () => {
    const notice = openFailure(new WenshiError('not_a_library', 'not_a_library', { root: '/data' }), '/data');
    expect(notice.message).toBe('这个文件夹不是文史典藏资料库：/data');
    expect(notice.detail).toContain('library.json');
    expect(openFailure(new Error('EACCES'), '/data')).toEqual({
      message: '无法打开这个资料库',
      detail: '/data\n\nEACCES',
    });
    expect(startFailure(new Error('EACCES'), '/media/u盘/lib', '/home/li/默认').detail).toContain(
      '现在打开的是：/home/li/默认',
    );
  });

  it('offers to open a library already in the folder, and asks for an empty folder otherwise', () => {
    const exists = new WenshiError('exists', 'folder_not_empty', { root: '/data/lib' });
    expect(createFailure(exists, '/data/lib', true).offerOpen).toBe(true);
    const notEmpty = createFailure(exists, '/data/photos', false);
    expect(notEmpty.offerOpen).toBe(false);
    expect(notEmpty.message).toBe('只能在空文件夹里新建资料库');
  });
});
