// Making and restoring library folders, for the doors that offer it (desktop, CLI).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { restoreLibrary as restoreFromBag } from '../../core/bag';
import type { JobContext } from '../../core/jobs';
import { Library } from '../../core/library';

/** Whether a folder holds a library. */
export function holdsLibrary(root: string): boolean {
  return existsSync(path.join(root, 'library.json'));
}

/** Makes a new, empty library in an empty or missing folder, and leaves it closed. */
export async function createLibrary(root: string, name: string): Promise<{ root: string; name: string }> {
  const library = await Library.create(path.resolve(root), name);
  await library.close();
  return { root: library.root, name };
}

/** Validates a BagIt backup and restores it into an empty folder. */
export function restoreLibrary(bag: string, target: string, context: JobContext = {}) {
  return restoreFromBag(path.resolve(bag), path.resolve(target), context);
}
