import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { tempPathFor } from './tempFiles';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export type LockResult =
  /** `tookOver`: the lock of a process that died was taken over, so its last write may be unfinished. */
  { acquired: true; tookOver: boolean } | { acquired: false; holder: LockHolder | null };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder): boolean {
  return holder.host === os.hostname() && !isAlive(holder.pid);
}

/** An unreadable lock older than a few seconds was left by a writer that died while creating it. */
async function isOldFile(file: string, now: Date): Promise<boolean> {
  try {
    return now.getTime() - (await stat(file)).mtimeMs > 5000;
  } catch {
    return true;
  }
}

async function readHolder(lockFile: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(lockFile, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function sameHolder(a: LockHolder | null, b: LockHolder | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Creates the lock file holding `content`, failing with EEXIST if it exists. The content is
 * written to a private file first and hard-linked into place, so the lock never exists half
 * written, even if this process is killed; file systems without hard links (FAT on USB sticks)
 * fall back to an exclusive create.
 */
async function createLockFile(lockFile: string, content: string): Promise<void> {
  const tmp = tempPathFor(lockFile);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, lockFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    const direct = await open(lockFile, 'wx');
    try {
      await direct.writeFile(content);
      await direct.sync();
    } finally {
      await direct.close();
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Removes the lock file if it still holds `stale`. Several processes may find the same stale lock
 * at once, and one of them may already have replaced it with its own: the file is first moved
 * aside atomically, so each process inspects exactly the file it took; a live lock moved by
 * mistake is linked back at once. Returns false when the lock turned out to be live.
 */
async function removeIfStill(lockFile: string, stale: LockHolder | null): Promise<boolean> {
  const aside = tempPathFor(lockFile, 'stale');
  try {
    await rename(lockFile, aside);
  } catch (error) {
    // Someone else moved it first: try creating again.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const taken = await readHolder(aside);
  if (sameHolder(taken, stale)) {
    await unlink(aside);
    return true;
  }
  await link(aside, lockFile).catch(() => undefined);
  await unlink(aside);
  return false;
}

/**
 * Takes the library's write lock: a file created exclusively holding our pid and host.
 * A lock whose holder was a process on this host that no longer runs is stale and taken over.
 */
export async function acquireLock(lockFile: string, now: Date): Promise<LockResult> {
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), since: now.toISOString() };
  let tookOver = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await createLockFile(lockFile, JSON.stringify(mine));
      return { acquired: true, tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder === null ? !(await isOldFile(lockFile, now)) : !isStale(holder)) {
      return { acquired: false, holder };
    }
    if (!(await removeIfStill(lockFile, holder)))
      return { acquired: false, holder: await readHolder(lockFile) };
    tookOver = true;
  }
  return { acquired: false, holder: await readHolder(lockFile) };
}

export async function releaseLock(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder?.pid === process.pid && holder.host === os.hostname()) await unlink(lockFile);
}
