import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Lock temp files live for milliseconds while a process takes the lock; one this old was left behind. */
const LOCK_TEMP_MAX_AGE_MS = 60_000;

/**
 * Temp files of writers that died mid-write (a power cut, a kill). The catalog's, the commit
 * journal's, library.json's and the originals' are written only by the lock holder, so once we
 * hold the lock any that remain are leftovers; the files they were to replace are intact (a temp
 * file is renamed into place only when complete). Lock temp files belong to any process trying to
 * take the lock, perhaps on another computer, so only old ones are removed. Originals being copied
 * in (`files/ab/….<pid>.part`) are looked for only after taking over a dead writer's lock: listing
 * every folder of a large library on each opening would cost more than it finds.
 */
export async function removeLeftovers(root: string, now: Date, options: { originals: boolean }): Promise<void> {
  const catalog = path.join(root, 'catalog');
  for (const name of await readdir(catalog).catch(() => [] as string[]))
    if (/^\.(items-[0-9a-f]{2}|journal)\.json\.\d+\.tmp$/.test(name))
      await unlink(path.join(catalog, name)).catch(() => undefined);
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const file = path.join(root, name);
    if (/^\.library\.json\.\d+\.tmp$/.test(name)) await unlink(file).catch(() => undefined);
    else if (/^library\.lock\.\d+\.[0-9a-f]+(\.stale)?\.tmp$/.test(name)) {
      const age = now.getTime() - ((await stat(file).catch(() => null))?.mtimeMs ?? now.getTime());
      if (age > LOCK_TEMP_MAX_AGE_MS) await unlink(file).catch(() => undefined);
    }
  }
  if (!options.originals) return;
  const files = path.join(root, 'files');
  for (const sub of await readdir(files).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of await readdir(path.join(files, sub)).catch(() => [] as string[]))
      if (/\.\d+\.part$/.test(name)) await unlink(path.join(files, sub, name)).catch(() => undefined);
  }
}
