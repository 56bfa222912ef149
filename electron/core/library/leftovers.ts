import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isLeftover, parseTempName } from '../storage';

/**
 * Temp files of writers that died mid-write (a power cut, a kill) beside library.json and in the
 * catalog: the files they were to replace are intact (a temp file is renamed into place only when
 * complete). Only these two folders are swept at open, to keep opening quick; `verify --repair`
 * sweeps the whole library by the same rule (see isLeftover). Originals being copied in
 * (`files/ab/…` temp files) are looked for only after taking over a dead writer's lock: listing
 * every folder of a large library on each opening would cost more than it finds.
 */
export async function removeLeftovers(
  root: string,
  now: Date,
  options: { originals: boolean },
): Promise<void> {
  const dirs = [root, path.join(root, 'catalog')];
  if (options.originals) {
    const files = path.join(root, 'files');
    for (const sub of await readdir(files).catch(() => [] as string[]))
      if (/^[0-9a-f]{2}$/.test(sub)) dirs.push(path.join(files, sub));
  }
  for (const dir of dirs)
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const parsed = parseTempName(name);
      const info = parsed && (await stat(path.join(dir, name)).catch(() => null));
      if (!parsed || !info?.isFile()) continue;
      const ageMs = now.getTime() - info.mtimeMs;
      if (isLeftover({ path: name, ...parsed, ageMs }, true))
        await unlink(path.join(dir, name)).catch(() => undefined);
    }
}
