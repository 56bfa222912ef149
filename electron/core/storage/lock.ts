import { open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export type LockResult = { acquired: true } | { acquired: false; holder: LockHolder | null };

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

/**
 * Takes the library's write lock: a file created exclusively holding our pid and host.
 * A lock whose holder was a process on this host that no longer runs is stale and taken over.
 */
export async function acquireLock(lockFile: string, now: Date): Promise<LockResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: now.toISOString() };
      await handle.writeFile(JSON.stringify(holder));
      await handle.sync();
      await handle.close();
      return { acquired: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder === null ? !(await isOldFile(lockFile, now)) : !isStale(holder)) {
      return { acquired: false, holder };
    }
    await unlink(lockFile).catch(() => undefined);
  }
  return { acquired: false, holder: await readHolder(lockFile) };
}

export async function releaseLock(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder?.pid === process.pid && holder.host === os.hostname()) await unlink(lockFile);
}
