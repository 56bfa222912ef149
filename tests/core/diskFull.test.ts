// A full disk: every failure is a sentence (with the space missing, where it can be estimated),
// and nothing is left half written. The real thing on a small tmpfs where this machine allows
// mounting one (tests run as root in CI); the failing-disk seam elsewhere.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupLibrary, restoreLibrary } from '../../electron/core/bag';
import { WenshiError } from '../../electron/core/errors';
import { hashFile, Library } from '../../electron/core/library';
import { nodeStorageFs, type StorageFs } from '../../electron/core/storage';
import { tempDir } from '../helpers/tempDir';

const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir]);
});

/** A 64 KiB tmpfs, or null where mounting is not permitted (then the test is skipped). */
async function smallDisk(): Promise<string | null> {
  const dir = path.join(await tempDir(), 'disk');
  await mkdir(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

/** Fills the disk but for `leave` bytes. */
async function fill(disk: string, leave: number): Promise<void> {
  const free = Number(
    execFileSync('df', ['-B1', '--output=avail', disk], { encoding: 'utf8' }).split('\n')[1],
  );
  await writeFile(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, free - leave)));
}

async function sentence(work: Promise<unknown>): Promise<WenshiError> {
  const failure = await work.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(WenshiError);
  expect((failure as WenshiError).code).toBe('io');
  expect((failure as Error).message).not.toMatch(/ENOSPC|no space left/);
  return failure as WenshiError;
}

/** A library outside the small disk with one 200 KB original. */
async function libraryWithOriginal(): Promise<{ library: Library; original: string }> {
  const library = await Library.create(path.join(await tempDir(), 'lib'), 'lib');
  const original = path.join(await tempDir(), 'scan.bin');
  await writeFile(original, randomBytes(200 * 1024));
  await library.files.put(original, await hashFile(original), 'scan.bin');
  return { library, original };
}

describe('a full disk (small tmpfs)', () => {
  it('opening a library with no space left is a sentence, and no lock file is left', async (t) => {
    const disk = await smallDisk();
    if (!disk) return t.skip();
    const root = path.join(disk, 'lib');
    await (await Library.create(root, 'lib')).close();
    await fill(disk, 0);
    const error = await sentence(Library.open(root));
    expect(error.message).toMatch(/磁盘已满/);
    expect((await readdir(root)).filter((name) => name.startsWith('library.lock'))).toEqual([]);
  });

  it('a new library that does not fit leaves no half library behind', async (t) => {
    const disk = await smallDisk();
    if (!disk) return t.skip();
    await fill(disk, 0);
    const root = path.join(disk, 'new', 'lib');
    expect((await sentence(Library.create(root, 'lib'))).message).toMatch(/磁盘空间不足|磁盘已满/);
    expect(existsSync(path.join(disk, 'new'))).toBe(false);
  });

  it('a restore that does not fit says how much more it needs and leaves the target as it was', async (t) => {
    const disk = await smallDisk();
    if (!disk) return t.skip();
    const { library } = await libraryWithOriginal();
    const bag = path.join(await tempDir(), 'bag');
    await backupLibrary(library, bag);
    await library.close();
    await fill(disk, 8 * 1024);
    // A folder the restore makes is removed; an empty one it was given stays, empty.
    const error = await sentence(restoreLibrary(bag, path.join(disk, 'made', 'restored')));
    expect(error.message).toMatch(/^磁盘已满：恢复还需约 0\.[12] MB/);
    expect(existsSync(path.join(disk, 'made'))).toBe(false);
    await mkdir(path.join(disk, 'given'));
    await sentence(restoreLibrary(bag, path.join(disk, 'given')));
    expect(await readdir(path.join(disk, 'given'))).toEqual([]);
  });

  it('a backup and an import that do not fit say how much more they need and leave nothing', async (t) => {
    const disk = await smallDisk();
    if (!disk) return t.skip();
    const { library, original } = await libraryWithOriginal();
    await fill(disk, 8 * 1024);
    const backup = await sentence(backupLibrary(library, path.join(disk, 'bag')));
    expect(backup.message).toMatch(/^磁盘已满：备份还需约 0\.[12] MB/);
    expect(await readdir(disk)).toEqual(['filler']);
    await library.close();

    const full = await Library.create(path.join(disk, 'lib'), 'lib').catch(() => null);
    if (!full) return; // no room even for an empty library on this disk
    const imported = await sentence(full.files.put(original, await hashFile(original), 'scan.bin'));
    expect(imported.message).toMatch(/^磁盘已满：导入「scan\.bin」还需约 0\.[12] MB/);
    expect(await readdir(path.join(full.root, 'files'))).toSatisfy((names: string[]) =>
      names.every((name) => !name.endsWith('.part')),
    );
    await full.close();
  });
});

describe('a disk that fills up while a library is made (failing-disk seam)', () => {
  it('removes what it made, and says so as a sentence', async () => {
    const full: StorageFs = {
      ...nodeStorageFs,
      open: async (file, flags) => {
        if (flags === 'w') throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        return nodeStorageFs.open(file, flags);
      },
    };
    const parent = await tempDir();
    const error = await sentence(Library.create(path.join(parent, 'a', 'lib'), 'lib', { storageFs: full }));
    expect(error.message).toMatch(/磁盘空间不足/);
    expect(await readdir(parent)).toEqual([]);
    // A folder that was there already (empty) is left there, empty.
    await mkdir(path.join(parent, 'given'));
    await sentence(Library.create(path.join(parent, 'given'), 'lib', { storageFs: full }));
    expect(await readdir(path.join(parent, 'given'))).toEqual([]);
  });

  it('a cancelled restore removes the folder it made', async () => {
    const { library } = await libraryWithOriginal();
    const bag = path.join(await tempDir(), 'bag');
    await backupLibrary(library, bag);
    await library.close();
    const parent = await tempDir();
    const controller = new AbortController();
    const failure = await restoreLibrary(bag, path.join(parent, 'restored'), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'restore' && p.done === 1) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect((failure as WenshiError).code).toBe('cancelled');
    expect(await readdir(parent)).toEqual([]);
  });
});
