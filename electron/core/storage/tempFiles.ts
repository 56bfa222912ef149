import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file written to the library is first written under a temporary name beside its target
 * and renamed into place when whole. All of them are named here, by one scheme, so that a writer
 * killed mid-write leaves something `verify` can recognise and `verify --repair` can remove:
 *
 *   `<target>.<pid>.<8 hex>.tmp`, or `<target>.<pid>.<8 hex>.<label>.tmp` (the lock's `stale`).
 *
 * The pid says which process wrote it; the random part keeps two writers of one target apart.
 * Originals are stored as `<sha256>.<ext>` and never match.
 */
export function tempPathFor(target: string, label?: string): string {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  return `${target}.${tag}${label ? `.${label}` : ''}.tmp`;
}

const SCHEME = /^(.+)\.(\d+)\.[0-9a-f]{8}(?:\.[a-z]+)?\.tmp$/;
/** Names earlier versions used: `files/…/<hash>.<ext>.<pid>.part`, `derived/…<size>.<ext>.<pid>.part`, `.<file>.<pid>.tmp`. */
const EARLIER = [/^(.+)\.(\d+)\.part$/, /^\.(.+)\.(\d+)\.tmp$/];

export interface TempName {
  /** The name of the file it was to become. */
  target: string;
  pid: number;
}

/** The file a temporary name was to become, or null when the name is not a temporary one. */
export function parseTempName(name: string): TempName | null {
  for (const pattern of [SCHEME, ...EARLIER]) {
    const match = pattern.exec(name);
    if (match) return { target: match[1]!, pid: Number(match[2]) };
  }
  return null;
}

export const isTempName = (name: string): boolean => parseTempName(name) !== null;

/** A slow copy of a multi-gigabyte recording can take minutes; one this old is not being written. */
export const TEMP_GRACE_MS = 60 * 60_000;
/** Lock temp files live for milliseconds, but may belong to another computer opening the library. */
const LOCK_TEMP_GRACE_MS = 60_000;

export interface TempFile {
  /** Relative to the library, with forward slashes. */
  path: string;
  target: string;
  pid: number;
  ageMs: number;
}

/** Every temporary file in a library folder (links are not followed). */
export async function findTempFiles(root: string, now: Date): Promise<TempFile[]> {
  const found: TempFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Browser uploads are staged under the names people gave them, and cleared on their own.
        if (childRel !== '.incoming') await walk(path.join(dir, entry.name), childRel);
        continue;
      }
      const parsed = entry.isFile() ? parseTempName(entry.name) : null;
      if (!parsed) continue;
      const info = await lstat(path.join(dir, entry.name)).catch(() => null);
      if (!info) continue;
      found.push({ path: childRel, ...parsed, ageMs: Math.max(0, now.getTime() - info.mtimeMs) });
    }
  };
  await walk(root, '');
  return found;
}

/**
 * Whether a temporary file is a leftover, safe to remove. Only the process holding the library's
 * lock writes there (the lock's own temp files aside), so when we hold it, any other process's
 * file is a leftover; our own, or any when we do not hold the lock, only after the grace period.
 */
export function isLeftover(file: TempFile, holdingLock: boolean): boolean {
  if (file.target === 'library.lock') return file.ageMs > LOCK_TEMP_GRACE_MS;
  if (holdingLock && file.pid !== process.pid) return true;
  return file.ageMs > TEMP_GRACE_MS;
}

/** Removes the leftovers among a library's temporary files; returns what was removed. */
export async function removeLeftoverTempFiles(
  root: string,
  now: Date,
  holdingLock: boolean,
): Promise<string[]> {
  const removed: string[] = [];
  for (const file of await findTempFiles(root, now)) {
    if (!isLeftover(file, holdingLock)) continue;
    await unlink(path.join(root, ...file.path.split('/'))).then(
      () => removed.push(file.path),
      () => undefined,
    );
  }
  return removed;
}
