// Maps wenshi:// URLs to files inside the library, free of Electron imports so tests can try to break it.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseExportUrl, parseLibraryFileUrl } from './windowOptions';

/** Whether `inner` is `outer` or lies below it (both already real paths). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function confined(folder: string, file: string): Promise<string | null> {
  try {
    const [realDir, realFile] = await Promise.all([realpath(folder), realpath(file)]);
    if (!isInside(realDir, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/**
 * The file a `wenshi://` request may read, or null:
 * - `wenshi://files/<sha256>[?size=thumb|preview]`: only a content hash the catalog knows
 *   (`locate` answers for it), read from files/ or derived/;
 * - `wenshi://exports/<name>.pdf`: a compiled volume in exports/.
 * The file's real path (symlinks resolved) must lie inside that folder: no `..`, no absolute
 * path, no link out of the library reaches the renderer.
 */
export async function resolveLibraryRequest(
  url: string,
  libraryRoot: string,
  locate: (sha256: string, size: 'original' | 'thumb' | 'preview') => Promise<string | null>,
): Promise<string | null> {
  const exported = parseExportUrl(url);
  if (exported) {
    const folder = path.join(libraryRoot, 'exports');
    return confined(folder, path.join(folder, exported));
  }
  const wanted = parseLibraryFileUrl(url);
  const file = wanted ? await locate(wanted.sha256, wanted.size) : null;
  if (!file) return null;
  const folder = path.join(libraryRoot, wanted!.size === 'original' ? 'files' : 'derived');
  return (await confined(folder, file)) ?? (await confined(path.join(libraryRoot, 'files'), file));
}
