import { appendFile, chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library, LIBRARY_FORMAT_VERSION } from '../../electron/core/library';
import { WenshiError } from '../../electron/core/errors';
import { nodeStorageFs, type StorageFs } from '../../electron/core/storage';
import { nextVerificationDue, verifyLibrary } from '../../electron/core/integrity';
import { tempDir } from '../helpers/tempDir';
import { exited, runScript, waitForLine } from '../helpers/libraryProcess';

function fields(title: string) {
  return { kind: 'oral' as const, title };
}

function diskError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * A disk that starts failing when told: like a full disk (half of a write lands, then ENOSPC) or
 * like read-only media (nothing can be created, copied or renamed). Tests run as root in CI,
 * where chmod stops nothing, so failure is put in at the file-operation seam.
 */
function failingDisk(mode: 'full' | 'read-only') {
  const disk = { failing: false };
  const fs: StorageFs = {
    async open(file, flags) {
      if (disk.failing && mode === 'read-only' && flags !== 'r') throw diskError('EROFS');
      const handle = await nodeStorageFs.open(file, flags);
      if (!disk.failing || flags === 'r') return handle;
      return {
        async writeFile(data) {
          await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
          throw diskError('ENOSPC');
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    async copyFile(from, to) {
      if (disk.failing && mode === 'read-only') throw diskError('EROFS');
      return nodeStorageFs.copyFile(from, to);
    },
    rename: (from, to) => nodeStorageFs.rename(from, to),
    unlink: (file) => nodeStorageFs.unlink(file),
    async truncate(file, size) {
      if (disk.failing && mode === 'read-only') throw diskError('EROFS');
      return nodeStorageFs.truncate(file, size);
    },
  };
  return { disk, fs };
}

async function shardFiles(root: string): Promise<Record<string, string>> {
  const dir = path.join(root, 'catalog');
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

describe('storage errors', () => {
  for (const [mode, message] of [
    ['full', /磁盘空间不足/],
    ['read-only', /只读/],
  ] as const) {
    it(`a ${mode} disk gives a clear error, loses nothing saved, and memory matches the disk`, async () => {
      const root = await tempDir();
      const { disk, fs } = failingDisk(mode);
      let library = await Library.create(root, 'lib', { storageFs: fs });
      const item = await library.createItem({ ...fields('原题名'), places: ['许昌'] });
      const shard = `items-${item.id.slice(0, 2)}.json`;
      const before = (await shardFiles(root))[shard];

      disk.failing = true;
      const failure = await library.updateItem(item.id, { title: '未保存的题名' }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WenshiError);
      expect((failure as WenshiError).code).toBe('io');
      expect((failure as WenshiError).message).toMatch(message);
      expect((failure as WenshiError).message).toMatch(/已保存的内容不受影响/);
      // The shard on disk is the saved one, no temp file is left, and memory still agrees with it.
      const after = await shardFiles(root);
      expect(after[shard]).toBe(before);
      expect(Object.keys(after).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(library.catalog.get(item.id)?.title).toBe('原题名');
      expect((await library.audit.entriesFor(item.id)).map((e) => e.action)).toEqual(['create']);

      // The next write of the same shard must not carry the failed change along.
      disk.failing = false;
      await library.updateItem(item.id, { places: ['禹州'] });
      await library.close();
      library = await Library.open(root);
      expect(library.catalog.get(item.id)).toMatchObject({ title: '原题名', places: ['禹州'] });
      await library.close();
    });
  }

  it.skipIf(process.getuid?.() === 0)(
    'a catalog folder without write permission gives a clear error',
    async () => {
      const root = await tempDir();
      const library = await Library.create(root, 'lib');
      const item = await library.createItem(fields('原题名'));
      await chmod(path.join(root, 'catalog'), 0o555);
      try {
        await expect(library.updateItem(item.id, { title: '新' })).rejects.toThrow(
          /没有写入资料库文件夹的权限/,
        );
        expect(library.catalog.get(item.id)?.title).toBe('原题名');
      } finally {
        await chmod(path.join(root, 'catalog'), 0o755);
        await library.close();
      }
    },
  );
});

describe('audit log', () => {
  it('reads past a last line cut short by a crash, and the next entry starts on its own line', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    const item = await library.createItem(fields('甲'));
    await library.close();
    await appendFile(path.join(root, 'log', 'audit.jsonl'), '{"at":"2024-01-01T00:00:00Z","actor":"x","act');
    library = await Library.open(root);
    expect((await library.audit.entriesFor(item.id)).map((e) => e.action)).toEqual(['create']);
    await library.updateItem(item.id, { title: '乙' });
    expect((await library.audit.entriesFor(item.id)).map((e) => e.action)).toEqual(['create', 'update']);
    await library.close();
  });
});

describe('write lock across processes', () => {
  it('a second process opens read-only while the first runs; a SIGKILLed holder’s lock is recovered', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const first = runScript('holdLibrary.ts', [root]);
    const firstLine = await waitForLine(first, (line) => / \d+$/.test(line));
    expect(firstLine).toBe(`writable ${first.pid}`);

    const second = runScript('holdLibrary.ts', [root]);
    expect(await waitForLine(second, (line) => / \d+$/.test(line))).toBe(`read-only ${second.pid}`);
    second.stdin.end();
    await exited(second);
    // And in this process: read-only, naming the holder, refusing changes.
    const here = await Library.open(root);
    expect(here.readOnly).toBe(true);
    expect(here.lockedBy?.pid).toBe(first.pid);
    await expect(here.createItem(fields('甲'))).rejects.toThrow(/只读/);
    await here.close();

    first.kill('SIGKILL');
    await exited(first);
    const third = runScript('holdLibrary.ts', [root]);
    expect(await waitForLine(third, (line) => / \d+$/.test(line))).toBe(`writable ${third.pid}`);
    third.stdin.end();
    await exited(third);
    expect(await readdir(root)).not.toContain('library.lock');
  });
});

describe('format migrations', () => {
  async function versionZeroLibrary(): Promise<{ root: string; items: Record<string, unknown> }> {
    const root = await tempDir();
    await mkdir(path.join(root, 'catalog'));
    await mkdir(path.join(root, 'files'));
    await writeFile(
      path.join(root, 'library.json'),
      JSON.stringify({
        format: 'wenshi-library',
        formatVersion: 0,
        name: '老资料库',
        createdAt: '2020-01-01T00:00:00Z',
      }),
    );
    const items: Record<string, unknown> = {};
    for (const [id, title] of [
      ['0a11223344556677', '许昌火车站旧照'],
      ['ff11223344556677', '发制品厂口述'],
    ] as const)
      items[id] = {
        id,
        kind: 'photo',
        title,
        createdAt: '2020-01-01T00:00:00Z',
        updatedAt: '2020-01-01T00:00:00Z',
      };
    await writeFile(path.join(root, 'catalog', 'items.json'), JSON.stringify({ items }));
    return { root, items };
  }

  it('migrates a version-0 library step by step after backing up library.json and the catalog', async () => {
    const { root } = await versionZeroLibrary();
    const originalInfo = await readFile(path.join(root, 'library.json'), 'utf8');
    const originalCatalog = await readFile(path.join(root, 'catalog', 'items.json'), 'utf8');
    const library = await Library.open(root);
    expect(library.info.formatVersion).toBe(LIBRARY_FORMAT_VERSION);
    expect(
      library.catalog
        .all()
        .map((i) => i.title)
        .sort(),
    ).toEqual(['发制品厂口述', '许昌火车站旧照']);
    expect(library.catalog.get('0a11223344556677')).toMatchObject({ people: [], text: '', files: [] });
    await library.close();

    expect(JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')).formatVersion).toBe(
      LIBRARY_FORMAT_VERSION,
    );
    expect((await readdir(path.join(root, 'catalog'))).filter((n) => n.endsWith('.json')).sort()).toEqual([
      'items-0a.json',
      'items-ff.json',
    ]);
    const backup = library.migrationBackup!;
    expect(path.dirname(backup)).toBe(path.join(root, 'log', 'migrations'));
    expect(await readFile(path.join(backup, 'library.json'), 'utf8')).toBe(originalInfo);
    expect(await readFile(path.join(backup, 'catalog', 'items.json'), 'utf8')).toBe(originalCatalog);
    for (const sub of ['derived', 'index', 'volumes', 'exports', 'log'])
      expect(await readdir(root)).toContain(sub);

    // Opened again, there is nothing left to migrate.
    const again = await Library.open(root);
    expect(again.migrationBackup).toBeNull();
    expect(again.catalog.size).toBe(2);
    await again.close();
  });

  it('migrates format-1 dates (EDTF alone) to the wording beside the EDTF', async () => {
    const root = await tempDir();
    for (const sub of ['catalog', 'files', 'derived', 'index', 'volumes', 'exports', 'log'])
      await mkdir(path.join(root, sub));
    await writeFile(
      path.join(root, 'library.json'),
      JSON.stringify({ format: 'wenshi-library', formatVersion: 1, name: '一九年的库', createdAt: '' }),
    );
    const id = '1a11223344556677';
    const stored = {
      id,
      kind: 'oral',
      identifier: 'XC-1',
      title: '发制品厂口述',
      ...{ subtitle: '', abstract: '', notes: '', text: '', witnessType: '', editorialStatus: 'collected' },
      ...{ places: [], people: [], organizations: [], subjects: [], keywords: [], collections: [], tags: [] },
      ...{ statusHistory: [], mojibake: [], files: [], suggestions: [] },
      eventDate: '1984-21',
      createdDate: '1980/1983',
      provenance: { method: '采访', provider: '', collector: '', date: '1990~', location: '' },
      rights: { releaseSigned: true, releaseDate: '', access: 'public' },
      oral: { interviewDate: '2003-06-12', narratorReviewDate: '', segments: [] },
      createdAt: '2020-01-01T00:00:00Z',
      updatedAt: '2020-01-01T00:00:00Z',
    };
    const shard = path.join(root, 'catalog', 'items-1a.json');
    await writeFile(shard, JSON.stringify({ items: { [id]: stored } }));

    const library = await Library.open(root);
    expect(library.info.formatVersion).toBe(LIBRARY_FORMAT_VERSION);
    const expected = {
      eventDate: { text: '1984年春', edtf: '1984-21' },
      createdDate: { text: '1980年—1983年', edtf: '1980/1983' },
      provenance: { method: '采访', date: { text: '约1990年', edtf: '1990~' } },
      rights: { releaseDate: { text: '', edtf: '' } },
      oral: {
        interviewDate: { text: '2003年6月12日', edtf: '2003-06-12' },
        narratorReviewDate: { text: '', edtf: '' },
      },
    };
    expect(library.catalog.get(id)).toMatchObject(expected);
    await library.close();
    // Written to the shard itself, and the old one kept in the backup.
    expect(JSON.parse(await readFile(shard, 'utf8')).items[id]).toMatchObject(expected);
    const backup = JSON.parse(
      await readFile(path.join(library.migrationBackup!, 'catalog', 'items-1a.json'), 'utf8'),
    );
    expect(backup.items[id].eventDate).toBe('1984-21');
  });

  it('will not migrate a library another process holds, and leaves it untouched', async () => {
    const { root } = await versionZeroLibrary();
    // Held by a living process on this host (this one).
    await writeFile(
      path.join(root, 'library.lock'),
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: '' }),
    );
    const before = await readFile(path.join(root, 'library.json'), 'utf8');
    await expect(Library.open(root)).rejects.toThrow(/旧格式.*只读/);
    expect(await readFile(path.join(root, 'library.json'), 'utf8')).toBe(before);
    expect(await readdir(path.join(root, 'catalog'))).toEqual(['items.json']);
  });

  it('refuses a library of a newer format with a clear message', async () => {
    const root = await tempDir();
    await writeFile(
      path.join(root, 'library.json'),
      JSON.stringify({
        format: 'wenshi-library',
        formatVersion: LIBRARY_FORMAT_VERSION + 1,
        name: 'x',
        createdAt: '',
      }),
    );
    await expect(Library.open(root)).rejects.toThrow(/更新版本的文史典藏创建.*请升级程序/);
    expect(await readdir(root)).toEqual(['library.json']);
  });
});

describe('library settings', () => {
  it('stores the scheduled-verification interval in library.json', async () => {
    const root = await tempDir();
    let library = await Library.create(root, 'lib');
    expect(library.info.settings.verifyIntervalDays).toBe(0);
    await library.updateSettings({ verifyIntervalDays: 30 });
    await library.close();
    expect(JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')).settings).toMatchObject({
      verifyIntervalDays: 30,
    });
    library = await Library.open(root);
    expect(library.info.settings.verifyIntervalDays).toBe(30);
    await library.close();
  });

  it('says when the next scheduled verification is due', async () => {
    let now = new Date('2025-03-01T08:00:00Z');
    const library = await Library.create(await tempDir(), 'lib', { clock: () => now });
    expect(await nextVerificationDue(library)).toBeNull();
    await library.updateSettings({ verifyIntervalDays: 30 });
    // Never verified: due at once.
    expect(await nextVerificationDue(library)).toBe('2025-03-01T08:00:00.000Z');
    await verifyLibrary(library);
    now = new Date('2025-03-10T08:00:00Z');
    expect(await nextVerificationDue(library)).toBe('2025-03-31T08:00:00.000Z');
    await library.close();
  });
});

describe('stale lock takeover', () => {
  it('when several processes find the same dead holder’s lock at once, exactly one takes it over', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const dead = runScript('holdLibrary.ts', [root]);
    await waitForLine(dead, (line) => / \d+$/.test(line));
    dead.kill('SIGKILL');
    await exited(dead);
    const contenders = Array.from({ length: 6 }, () => runScript('holdLibrary.ts', [root]));
    const lines = await Promise.all(contenders.map((c) => waitForLine(c, (line) => / \d+$/.test(line))));
    expect(lines.filter((line) => line.startsWith('writable'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('read-only'))).toHaveLength(5);
    for (const c of contenders) c.stdin.end();
    await Promise.all(contenders.map(exited));
  });
});
