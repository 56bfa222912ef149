// Who holds library.lock: a live process that merely got the holder's pid must not keep the
// library read-only for ever (pid 1 after a restart, a recycled pid).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { currentBootId, processStart, type LockHolder } from '../../electron/core/storage';
import { tempDir } from '../helpers/tempDir';

const linux = process.platform === 'linux';
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A live process that has nothing to do with any library. */
async function unrelatedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

async function libraryLockedBy(holder: Partial<LockHolder>): Promise<string> {
  const root = await tempDir();
  await (await Library.create(root, 'lib')).close();
  const lock = { host: os.hostname(), since: new Date().toISOString(), ...holder };
  await writeFile(path.join(root, 'library.lock'), JSON.stringify(lock));
  return root;
}

async function opensWritable(root: string): Promise<boolean> {
  const library = await Library.open(root);
  const writable = !library.readOnly;
  await library.close();
  return writable;
}

describe('library.lock holder identity', () => {
  it.runIf(linux)('records the boot and the start of the process that holds it', async () => {
    const root = await tempDir();
    const library = await Library.create(root, 'lib');
    const lock = JSON.parse(await readFile(path.join(root, 'library.lock'), 'utf8')) as LockHolder;
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(lock.bootId).toBe((await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim());
    expect(lock.processStart).toMatch(/^\d+$/);
    expect(lock.processStart).toBe(await processStart(process.pid));
    // Our own live lock is honoured: a second opener in this process reads only.
    const second = await Library.open(root);
    expect(second.readOnly).toBe(true);
    await second.close();
    await library.close();
  });

  it.runIf(linux)(
    'takes over a lock of a live pid from an earlier boot (pid 1 after a restart)',
    async () => {
      const root = await libraryLockedBy({ pid: 1, bootId: 'a-boot-before-this-one', processStart: '13' });
      expect(await opensWritable(root)).toBe(true);
    },
  );

  it.runIf(linux)('takes over a lock whose pid now belongs to a process started later', async () => {
    const pid = await unrelatedProcess();
    const root = await libraryLockedBy({ pid, bootId: await currentBootId(), processStart: '1' });
    expect(await opensWritable(root)).toBe(true);
  });

  it('honours a lock whose holder is the process that wrote it', async () => {
    const pid = await unrelatedProcess();
    const root = await libraryLockedBy({
      pid,
      ...((await currentBootId()) && { bootId: await currentBootId() }),
      ...((await processStart(pid)) && { processStart: await processStart(pid) }),
    });
    const library = await Library.open(root);
    expect(library.readOnly).toBe(true);
    expect(library.lockedBy?.pid).toBe(pid);
    await library.close();
  });

  it('an old lock (pid, host, since) of a live process still counts; one from before this boot does not', async () => {
    const pid = await unrelatedProcess();
    expect(await opensWritable(await libraryLockedBy({ pid }))).toBe(false);
    const lastYear = new Date(Date.now() - os.uptime() * 1000 - 365 * 86400_000).toISOString();
    expect(await opensWritable(await libraryLockedBy({ pid: 1, since: lastYear }))).toBe(true);
  });

  it('never takes over the lock of another computer', async () => {
    const root = await libraryLockedBy({ pid: 1, host: 'another-computer', bootId: 'x', processStart: '1' });
    expect(await opensWritable(root)).toBe(false);
  });
});
