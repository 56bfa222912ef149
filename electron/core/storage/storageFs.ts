import { copyFile, open, rename, statfs, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';
import { WenshiError } from '../errors';
import type { CoreSentence } from '../model';

/** The part of an open file durable writes use. */
export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file operations durable writes need. Passed in so tests can make a disk fail as a full or
 * read-only one does (a root test runner ignores chmod, so permissions alone cannot show it).
 */
export interface StorageFs {
  /** 'a' appends (the audit log); 'w' truncates (temp files). */
  open(file: string, flags: 'w' | 'r' | 'a'): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Cuts a file back to `size` bytes (the audit log, when a change is rolled back). */
  truncate(file: string, size: number): Promise<void>;
}

export const nodeStorageFs: StorageFs = { open, rename, copyFile, unlink, truncate };

const SENTENCES = {
  ENOSPC: 'storage_no_space',
  EDQUOT: 'storage_quota',
  EROFS: 'storage_read_only',
  EACCES: 'storage_no_permission',
  EPERM: 'storage_no_permission',
  EIO: 'storage_io',
} as const satisfies Record<string, CoreSentence>;

/** A disk error as a sentence a person can act on; other errors pass unchanged. */
export function storageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const sentence = code ? SENTENCES[code as keyof typeof SENTENCES] : undefined;
  return sentence ? new WenshiError('io', sentence) : error;
}

/** Whether a write failed because the disk, or the user's quota on it, is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * How many bytes more than the disk holding `dir` has free it takes to write files of these sizes
 * (0 when they fit); each file takes whole blocks. `dir` need not exist yet: its nearest existing
 * parent is asked. Undefined when the system cannot tell (statfs fails).
 */
export async function bytesShort(dir: string, sizes: Iterable<number>): Promise<number | undefined> {
  let at = path.resolve(dir);
  for (;;) {
    try {
      const disk = await statfs(at);
      let need = 0;
      for (const size of sizes) need += Math.ceil(Math.max(size, 1) / disk.bsize) * disk.bsize;
      return Math.max(0, need - disk.bavail * disk.bsize);
    } catch (error) {
      const parent = path.dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) return undefined;
      at = parent;
    }
  }
}

/** Bytes as the megabytes of a sentence: 「约 N MB」, one decimal below 10 MB, never 0. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.ceil(mb)) : String(Math.max(0.1, Math.ceil(mb * 10) / 10));
}
