// Maps wenshi:// URLs to files inside the library, free of Electron imports so tests can try to break it.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '../core/library';
import { parseLibraryFileUrl } from './windowOptions';

/** Whether `inner` is `outer` or lies below it (both already real paths). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The file a `wenshi://files/<sha256>` request may read, or null. Only a content hash the catalog
 * knows is accepted, and the file's real path (symlinks resolved) must lie inside the library's
 * files/ folder: no `..`, no absolute path, no link out of the library reaches the renderer.
 */
export async function resolveLibraryRequest(
  url: string,
  libraryRoot: string,
  nameOf: (sha256: string) => string | undefined,
): Promise<string | null> {
  const sha256 = parseLibraryFileUrl(url);
  const name = sha256 ? nameOf(sha256) : undefined;
  if (!sha256 || name === undefined) return null;
  const filesDir = path.join(libraryRoot, 'files');
  try {
    const [realDir, realFile] = await Promise.all([
      realpath(filesDir),
      realpath(new FileStore(filesDir).pathFor(sha256, name)),
    ]);
    if (!isInside(realDir, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
