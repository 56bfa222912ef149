import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { WenshiError } from '../../electron/core/errors';
import { nodeStorageFs, type StorageFs } from '../../electron/core/storage';
import { tempDir } from '../helpers/tempDir';
import { exited, runScript, waitForLine } from '../helpers/libraryProcess';

function diskError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

type Op = 'write' | 'append' | 'rename' | 'copy' | 'unlink' | 'truncate';

/**
 * A disk whose failures a test decides, operation by operation. Tests run as root in CI, where
 * chmod stops nothing, so an unwritable `log/` is put in at the file-operation seam.
 * `fail` returns the error for an operation, or 'half' to write half the data and then fail with
 * ENOSPC (a full disk).
 */
function disk(fail: (op: Op, file: string) => NodeJS.ErrnoException | 'half' | undefined): StorageFs {
  const check = (op: Op, file: string) => {
    const error = fail(op, file);
    if (error && error !== 'half') throw error;
  };
  return {
    async open(file, flags) {
      if (flags === 'r') return nodeStorageFs.open(file, flags);
      const op = flags === 'a' ? 'append' : 'write';
      check(op, file);
      const handle = await nodeStorageFs.open(file, flags);
      if (fail(op, file) !== 'half') return handle;
      return {
        async writeFile(data) {
          await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
          throw diskError('ENOSPC');
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    async rename(from, to) {
      check('rename', to);
      return nodeStorageFs.rename(from, to);
    },
    async copyFile(from, to) {
      check('copy', to);
      return nodeStorageFs.copyFile(from, to);
    },
    async unlink(file) {
      check('unlink', file);
      return nodeStorageFs.unlink(file);
    },
    async truncate(file, size) {
      check('truncate', file);
      return nodeStorageFs.truncate(file, size);
    },
  };
}

const inLog = (file: string) => path.basename(path.dirname(file)) === 'log';

async function shardOf(root: string, id: string): Promise<Record<string, { title: string }>> {
  const text = await readFile(path.join(root, 'catalog', `items-${id.slice(0, 2)}.json`), 'utf8');
  return (JSON.parse(text) as { items: Record<string, { title: string }> }).items;
}

async function catalogFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, 'catalog'))).sort();
}

/** Every item the shard files hold, id → title. */
async function onDisk(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await catalogFiles(root)) {
    if (!/^items-[0-9a-f]{2}\.json$/.test(name)) continue;
    const text = await readFile(path.join(root, 'catalog', name), 'utf8');
    for (const [id, item] of Object.entries(
      (JSON.parse(text) as { items: Record<string, { title: string }> }).items,
    ))
      out[id] = item.title;
  }
  return out;
}

describe('commit protocol', () => {
  for (const [mode, error, message] of [
    ['cannot be written to', diskError('EACCES'), /没有写入资料库文件夹的权限/],
    ['is full', 'half', /磁盘空间不足/],
  ] as const) {
    it(`an edit whose audit entry cannot be written (log/ ${mode}) is not saved, and says so`, async () => {
      const root = await tempDir();
      const failing = { on: false };
      const fs = disk((op, file) => (failing.on && inLog(file) ? error : undefined));
      let library = await Library.create(root, 'lib', { storageFs: fs });
      const item = await library.createItem({ kind: 'oral', title: '原题名' });
      const audit = await readFile(path.join(root, 'log', 'audit.jsonl'), 'utf8');

      failing.on = true;
      const failure = await library.updateItem(item.id, { title: '新题名' }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WenshiError);
      expect((failure as WenshiError).message).toMatch(message);
      expect((failure as WenshiError).message).toMatch(/这次修改没有保存/);
      const created = await library.createItem({ kind: 'oral', title: '新条目' }).catch((e: unknown) => e);
      expect(created).toBeInstanceOf(WenshiError);

      // Said failed: neither the catalog (memory or disk) nor the audit log holds either change.
      expect(library.catalog.get(item.id)?.title).toBe('原题名');
      expect(library.catalog.size).toBe(1);
      expect(await onDisk(root)).toEqual({ [item.id]: '原题名' });
      expect(await readFile(path.join(root, 'log', 'audit.jsonl'), 'utf8')).toBe(audit);
      expect((await catalogFiles(root)).filter((name) => !/^items-..\.json(\.bak)?$/.test(name))).toEqual([]);
      await library.close();
      library = await Library.open(root);
      expect(library.catalog.get(item.id)?.title).toBe('原题名');
      expect(library.catalog.size).toBe(1);
      await library.close();

      // Once the log can be written again, an edit is saved and logged.
      failing.on = false;
      library = await Library.open(root, { storageFs: fs });
      await library.updateItem(item.id, { title: '新题名' });
      const entries = await library.audit.entriesFor(item.id);
      expect(entries.map((e) => [e.action, e.changes.map((c) => c.new)])).toEqual([
        ['create', expect.anything()],
        ['update', ['新题名']],
      ]);
      await library.close();
    });
  }

  for (const [where, dies] of [
    ['the audit append fails', (op: Op, file: string) => op === 'append' && inLog(file)],
    ['the audit entry landed but the journal could not be removed', (op: Op) => op === 'unlink'],
  ] as const) {
    it(`a change cut off where ${where} and the disk then fails is rolled back on opening`, async () => {
      const root = await tempDir();
      const state = { armed: false, dead: false };
      const fs = disk((op, file) => {
        if (state.armed && dies(op, file)) state.dead = true;
        return state.dead ? diskError('EIO') : undefined;
      });
      let library = await Library.create(root, 'lib', { storageFs: fs });
      const item = await library.createItem({ kind: 'oral', title: '原题名' });
      const audit = await readFile(path.join(root, 'log', 'audit.jsonl'), 'utf8');

      state.armed = true;
      await expect(library.updateItem(item.id, { title: '新题名' })).rejects.toThrow(/没有保存/);
      // The disk died mid-way: the shard holds the change and the rollback could not be written…
      expect((await shardOf(root, item.id))[item.id]?.title).toBe('新题名');
      expect(await catalogFiles(root)).toContain('journal.json');
      // …but this process never shows it, and writes nothing more until it is undone.
      expect(library.catalog.get(item.id)?.title).toBe('原题名');
      await expect(library.updateItem(item.id, { abstract: '摘要' })).rejects.toThrow(/没有保存/);
      await library.close();

      // A reader meanwhile sees the items as they were before.
      const reader = await Library.open(root, { readOnly: true });
      expect(reader.catalog.get(item.id)?.title).toBe('原题名');
      await reader.close();

      library = await Library.open(root);
      expect(library.catalog.get(item.id)?.title).toBe('原题名');
      expect((await shardOf(root, item.id))[item.id]?.title).toBe('原题名');
      expect(await catalogFiles(root)).not.toContain('journal.json');
      expect(await readFile(path.join(root, 'log', 'audit.jsonl'), 'utf8')).toBe(audit);
      await library.updateItem(item.id, { title: '再改' });
      expect((await library.audit.entriesFor(item.id)).map((e) => e.action)).toEqual(['create', 'update']);
      await library.close();
      library = await Library.open(root);
      expect(library.catalog.get(item.id)?.title).toBe('再改');
      await library.close();
    });
  }

  it('items a kill cuts off between their new shard and the audit log are not left without a "create" entry', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const child = runScript('commitAndDie.ts', [root, '20']);
    await waitForLine(child, (line) => line === 'shard written');
    child.kill('SIGKILL');
    await exited(child);
    // The kill landed after shards that did not exist before were written.
    expect(Object.keys(await onDisk(root)).length).toBeGreaterThan(0);

    const library = await Library.open(root);
    expect(library.readOnly).toBe(false);
    const created = new Set(
      (await library.audit.entries()).filter((e) => e.action === 'create').map((e) => e.itemId),
    );
    const orphans = library.catalog.all().filter((item) => !created.has(item.id));
    expect(orphans.map((item) => item.title)).toEqual([]);
    await library.close();
  });
});
