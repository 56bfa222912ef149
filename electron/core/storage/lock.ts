import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { WenshiError } from '../errors';
import { beforeThisBoot, currentBootId, processStart } from './processIdentity';
import { tempPathFor } from './tempFiles';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** The holder's computer's boot (see processIdentity); absent in locks of older versions. */
  bootId?: string;
  /** When the holder process started, as its system reports it; absent in older locks. */
  processStart?: string;
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

/**
 * A lock is stale when its holder ran on this computer and no longer does. A live process with
 * the holder's pid may be another one that got the number later (pid 1 after a restart): the
 * lock is stale too if it was taken in an earlier boot, or the process started at another time.
 * A lock from another computer is never judged stale: its processes cannot be seen from here.
 */
async function isStale(holder: LockHolder): Promise<boolean> {
  if (holder.host !== os.hostname()) return false;
  if (!isAlive(holder.pid)) return true;
  const boot = await currentBootId();
  if (holder.bootId && boot) {
    if (holder.bootId !== boot) return true;
  } else if (beforeThisBoot(holder.since)) return true;
  if (!holder.processStart) return false;
  const started = await processStart(holder.pid);
  return started !== undefined && started !== holder.processStart;
}

/** Who we are, as written in the lock. */
async function ourHolder(now: Date): Promise<LockHolder> {
  const [bootId, started] = await Promise.all([currentBootId(), processStart(process.pid)]);
  return {
    pid: process.pid,
    host: os.hostname(),
    since: now.toISOString(),
    ...(bootId && { bootId }),
    ...(started && { processStart: started }),
  };
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
  try {
    await writeNew(tmp, content);
    try {
      await link(tmp, lockFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      await writeNew(lockFile, content);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Creates `file` exclusively with `content`, synced; a file it could not fill (a full disk) is removed. */
async function writeNew(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
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

/** Taking the lock failed for a reason of the disk: said as a sentence (see storageError). */
function lockError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new WenshiError('io', 'lock_disk_full');
  if (code === 'EROFS') return new WenshiError('io', 'lock_read_only_disk');
  if (code === 'EACCES' || code === 'EPERM') return new WenshiError('io', 'lock_no_permission');
  if (code === 'EIO') return new WenshiError('io', 'lock_disk_error');
  return error;
}

/**
 * Takes the library's write lock: a file created exclusively holding who we are (pid, host, boot,
 * process start). A lock whose holder no longer runs on this host is stale and taken over.
 */
export async function acquireLock(lockFile: string, now: Date): Promise<LockResult> {
  const mine = await ourHolder(now);
  let tookOver = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await createLockFile(lockFile, JSON.stringify(mine));
      return { acquired: true, tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(error);
    }
    const holder = await readHolder(lockFile);
    if (holder === null ? !(await isOldFile(lockFile, now)) : !(await isStale(holder))) {
      return { acquired: false, holder };
    }
    if (!(await removeIfStill(lockFile, holder)))
      return { acquired: false, holder: await readHolder(lockFile) };
    tookOver = true;
  }
  return { acquired: false, holder: await readHolder(lockFile) };
}

/**
 * Who holds the lock, if it is held by a live process (or one on another computer); null when it
 * is free or stale. Only reads: a reader waiting for the lock asks this often without writing.
 */
export async function liveHolder(lockFile: string, now: Date): Promise<LockHolder | null> {
  const holder = await readHolder(lockFile);
  if (holder === null) return (await isOldFile(lockFile, now)) ? null : { pid: 0, host: '?', since: '' };
  return (await isStale(holder)) ? null : holder;
}

export async function releaseLock(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder?.pid === process.pid && holder.host === os.hostname()) await unlink(lockFile);
}
