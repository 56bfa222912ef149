import { copyFile, open, rename, unlink } from 'node:fs/promises';
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
  open(file: string, flags: 'w' | 'r'): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeStorageFs: StorageFs = { open, rename, copyFile, unlink };

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
