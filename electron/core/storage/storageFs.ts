import { copyFile, open, rename, truncate, unlink } from 'node:fs/promises';
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
  /** 'a' appends (the audit log); 'w' truncates (temp files). */
  open(file: string, flags: 'w' | 'r' | 'a'): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Cuts a file back to `size` bytes (the audit log, when a change is rolled back). */
  truncate(file: string, size: number): Promise<void>;
}

export const nodeStorageFs: StorageFs = { open, rename, copyFile, unlink, truncate };

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
