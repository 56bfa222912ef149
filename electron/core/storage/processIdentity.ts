import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';

/**
 * What tells a process apart from a later one that got the same pid: the boot of the computer and
 * the moment the process started, as the system reports them (opaque strings, compared for
 * equality only; undefined where the system does not tell us).
 *
 * - Linux: `/proc/sys/kernel/random/boot_id` and field 22 of `/proc/<pid>/stat` (start time in
 *   clock ticks since boot).
 * - macOS: `sysctl -n kern.boottime` (its `sec` value) and `ps -o lstart= -p <pid>`.
 * - Windows and others: neither; a lock is then judged by whether it was taken before this boot.
 */

const run = promisify(execFile);

async function command(file: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run(file, args, { timeout: 3000, encoding: 'utf8' });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

let bootIdOnce: Promise<string | undefined> | undefined;

/** This boot of this computer; the same for every process until it restarts. */
export function currentBootId(): Promise<string | undefined> {
  bootIdOnce ??= (async () => {
    if (process.platform === 'linux')
      return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim() || undefined;
    if (process.platform === 'darwin')
      return /sec = (\d+)/.exec((await command('sysctl', ['-n', 'kern.boottime'])) ?? '')?.[1];
    return undefined;
  })();
  return bootIdOnce;
}

/** When the process `pid` started, or undefined if that cannot be known (or it does not run). */
export async function processStart(pid: number): Promise<string | undefined> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // The name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] || undefined;
  }
  if (process.platform === 'darwin') return command('ps', ['-o', 'lstart=', '-p', String(pid)]);
  return undefined;
}

/** Clock steps and rounding of the uptime: a lock this little older than the boot is not judged by it. */
const BOOT_MARGIN_MS = 120_000;

/** Whether a moment (an ISO date) lies before this boot of the computer. */
export function beforeThisBoot(iso: string, now = Date.now()): boolean {
  const at = Date.parse(iso);
  return Number.isFinite(at) && at < now - os.uptime() * 1000 - BOOT_MARGIN_MS;
}
