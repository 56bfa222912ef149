import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Library, LIBRARY_SUBFOLDERS } from '../library';
import { WenshiError, throwIfCancelled } from '../errors';
import { bytesShort, isDiskFull, megabytes, storageError } from '../storage';
import type { JobContext } from '../jobs';
import { checkBag, copyHashing } from './bagit';

/** Lists a bag's problems as one sentence, the first few named. */
export function invalidBagError(bag: string, problems: string[]): WenshiError {
  const shown = problems.slice(0, 5).join('；');
  if (problems.length <= 5)
    return new WenshiError('invalid_argument', 'bag_invalid', { bag, problems: shown });
  return new WenshiError('invalid_argument', 'bag_invalid_more', {
    bag,
    problems: shown,
    count: problems.length,
  });
}

/**
 * Restores a backup bag into an empty folder: the bag is validated first, every file is checked
 * again against the manifest as it is copied, and the result must open as a library. If anything
 * fails, what was copied is removed and the folder is left as it was (a folder the restore made
 * is removed). A disk too small for the bag is refused before anything is copied.
 */
export async function restoreLibrary(
  bag: string,
  target: string,
  context: JobContext = {},
): Promise<{ root: string; files: number; items: number }> {
  const existing = await readdir(target).catch(() => null);
  if (existing && existing.length > 0)
    throw new WenshiError('exists', 'restore_target_not_empty', { target });
  const check = await checkBag(bag, context);
  if (check.problems.length > 0) throw invalidBagError(bag, check.problems);
  if (!check.manifest.has('data/library.json'))
    throw new WenshiError('invalid_argument', 'backup_without_library', { bag });

  const sizes: number[] = [];
  for (const rel of check.manifest.keys()) sizes.push((await lstat(path.join(bag, ...rel.split('/')))).size);
  const short = await bytesShort(target, sizes);
  if (short) throw new WenshiError('io', 'disk_full_restore_before', { mb: megabytes(short) });

  // mkdir tells the first folder it had to make: that one (and all below it) is ours to remove.
  const made = await mkdir(target, { recursive: true }).catch((error: unknown) => {
    throw storageError(error);
  });
  try {
    return await copyBag(bag, target, check.manifest, context);
  } catch (error) {
    if (made) await rm(made, { recursive: true, force: true }).catch(() => undefined);
    else
      for (const entry of await readdir(target).catch(() => []))
        await rm(path.join(target, entry), { recursive: true, force: true }).catch(() => undefined);
    throwIfCancelled(context.signal);
    if (!isDiskFull(error)) throw storageError(error);
    const missing = megabytes((await bytesShort(target, sizes)) ?? 0);
    throw new WenshiError('io', 'disk_full_restore_during', { mb: missing });
  }
}

async function copyBag(
  bag: string,
  target: string,
  manifest: Map<string, string>,
  context: JobContext,
): Promise<{ root: string; files: number; items: number }> {
  let done = 0;
  for (const [rel, sha256] of manifest) {
    throwIfCancelled(context.signal);
    context.onProgress?.({ phase: 'restore', done: done++, total: manifest.size, current: rel });
    const inside = rel.slice('data/'.length).split('/');
    const copied = await copyHashing(
      path.join(bag, ...rel.split('/')),
      path.join(target, ...inside),
      context.signal,
    );
    if (copied !== sha256) throw new WenshiError('io', 'restore_checksum_mismatch', { file: rel });
  }
  for (const sub of LIBRARY_SUBFOLDERS) await mkdir(path.join(target, sub), { recursive: true });
  const library = await Library.open(target);
  const items = library.catalog.size;
  await library.close();
  return { root: target, files: manifest.size, items };
}
