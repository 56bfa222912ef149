import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));

/** Runs the `wenshi` command as a person would, in its own process. */
export function wenshi(...args: string[]) {
  // In Chinese, whatever the machine's locale: the tests read its sentences.
  const env = { ...process.env, LC_ALL: 'zh_CN.UTF-8' };
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** SHA-256 of every file under `root` (relative paths), leaving out the lock and regenerable folders. */
export async function fileHashes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (rel === 'library.lock' || rel.startsWith('derived/') || rel.startsWith('index/')) continue;
      if (entry.isDirectory()) await walk(full);
      else
        out[rel] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  }
  await walk(root);
  return out;
}
