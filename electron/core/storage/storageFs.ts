import { copyFile, open, rename, statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import { WenshiError } from '../errors';

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
  open(file: string, flags: 'w' | 'r'): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeStorageFs: StorageFs = { open, rename, copyFile, unlink };

const MESSAGES: Record<string, string> = {
  ENOSPC: '磁盘空间不足，这次修改没有保存；已保存的内容不受影响。请腾出空间后重试。',
  EDQUOT: '磁盘配额已满，这次修改没有保存；已保存的内容不受影响。',
  EROFS: '资料库所在的磁盘是只读的（例如写保护的 U 盘），这次修改没有保存；已保存的内容不受影响。',
  EACCES: '没有写入资料库文件夹的权限，这次修改没有保存；已保存的内容不受影响。',
  EPERM: '没有写入资料库文件夹的权限，这次修改没有保存；已保存的内容不受影响。',
  EIO: '磁盘读写出错（U 盘是否已拔出？），这次修改没有保存；已保存的内容不受影响。',
};

/** A disk error as a sentence a person can act on; other errors pass unchanged. */
export function storageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && MESSAGES[code] ? new WenshiError('io', MESSAGES[code]) : error;
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
