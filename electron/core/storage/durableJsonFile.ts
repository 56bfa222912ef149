import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { nodeStorageFs, storageError, type StorageFs } from './storageFs';
import { tempPathFor } from './tempFiles';

/**
 * Writes bytes to `file` so that after return they survive a power cut: temp file, fsync, rename,
 * fsync dir. On failure the old file is untouched and the temp file removed; disk errors become
 * a WenshiError('io') that says what happened.
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  fs: StorageFs = nodeStorageFs,
  /** false: the caller fsyncs the folder once after renaming several files into it. */
  syncFolder = true,
): Promise<void> {
  const dir = path.dirname(file);
  const tmp = tempPathFor(file);
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined);
    throw storageError(error);
  }
  if (syncFolder) await syncFolderDurably(dir);
}

/** Makes the renames and removals done in a folder survive a power cut. */
export async function syncFolderDurably(dir: string): Promise<void> {
  await syncDirectory(dir).catch((error: unknown) => {
    throw storageError(error);
  });
}

/**
 * Removes `file` so that the removal survives a power cut (unlink, fsync of the folder). A file
 * already gone counts as removed.
 */
export async function removeFileDurably(file: string, fs: StorageFs = nodeStorageFs): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error);
  }
  await syncFolderDurably(path.dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; rename is durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A JSON file that neither parses nor has a backup that does: the caller decides what to salvage. */
export class DamagedFileError extends Error {
  constructor(readonly file: string) {
    super(`目录文件已损坏且没有可用的备份：${file}`);
    this.name = 'DamagedFileError';
  }
}

/**
 * A lowdb adapter for compact JSON that is durable (see writeFileDurably) and keeps the
 * previous good version as `<file>.bak`, read back when the main file is unreadable.
 * steno, lowdb's own writer, neither fsyncs nor keeps a backup.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly fs: StorageFs = nodeStorageFs,
    /** false: durable only once the caller fsyncs the folder (see writeFileDurably). */
    private readonly syncFolder = true,
  ) {}

  async read(): Promise<T | null> {
    const main = await readJson<T>(this.file);
    if (main.ok) return main.value;
    const backup = await readJson<T>(`${this.file}.bak`);
    if (backup.ok) return backup.value;
    if (main.missing && backup.missing) return null;
    throw new DamagedFileError(this.file);
  }

  async write(data: T): Promise<void> {
    try {
      await this.fs.copyFile(this.file, `${this.file}.bak`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error);
    }
    await writeFileDurably(this.file, JSON.stringify(data), this.fs, this.syncFolder);
  }

  async remove(): Promise<void> {
    for (const f of [this.file, `${this.file}.bak`]) await this.fs.unlink(f).catch(() => undefined);
  }
}

type JsonRead<T> = { ok: true; value: T } | { ok: false; missing: boolean };

async function readJson<T>(file: string): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw error;
  }
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch {
    return { ok: false, missing: false };
  }
}
