// The list of recently opened libraries (File › 最近打开), free of Electron imports so tests can check it in Node.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../../core/storage';

export const MAX_RECENT_LIBRARIES = 10;

export interface RecentLibrary {
  /** The library folder, as an absolute path. */
  root: string;
  /** Its name when last opened, so the menu can say which library a folder holds. */
  name: string;
  openedAt: string;
}

const RecentFileSchema = z.object({
  version: z.literal(1),
  libraries: z.array(z.object({ root: z.string().min(1), name: z.string(), openedAt: z.string() })),
});

/**
 * Whether two paths name the same folder once resolved (`lib/../lib/` is `lib`). Windows and
 * macOS file systems ignore case by default, so there `D:\资料库` and `d:\资料库` are one folder.
 */
export function sameFolder(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const [x, y] = [paths.resolve(a), paths.resolve(b)];
  return platform === 'win32' || platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/** The list after opening `library`: it comes first, once, and the list keeps the newest ten. */
export function addRecent(
  list: readonly RecentLibrary[],
  library: RecentLibrary,
  platform: NodeJS.Platform = process.platform,
): RecentLibrary[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const entry = { ...library, root: paths.resolve(library.root) };
  return [entry, ...list.filter((r) => !sameFolder(r.root, entry.root, platform))].slice(
    0,
    MAX_RECENT_LIBRARIES,
  );
}

/** The list with a library's new name, in the same place (a library renamed in 设置). */
export function renameRecent(
  list: readonly RecentLibrary[],
  root: string,
  name: string,
  platform: NodeJS.Platform = process.platform,
): RecentLibrary[] {
  return list.map((r) => (sameFolder(r.root, root, platform) ? { ...r, name } : r));
}

export function isRecent(
  list: readonly RecentLibrary[],
  root: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return list.some((r) => sameFolder(r.root, root, platform));
}

export interface RecentMenuEntry extends RecentLibrary {
  /**
   * False when the folder holds no library now. It stays on the list, shown disabled: a library
   * on a USB disk that is not plugged in will be back.
   */
  available: boolean;
}

export function withAvailability(
  list: readonly RecentLibrary[],
  hasLibrary: (root: string) => boolean,
): RecentMenuEntry[] {
  return list.map((r) => ({ ...r, available: hasLibrary(r.root) }));
}

/** The library to reopen at start: the most recent one still there. */
export function lastLibrary(
  list: readonly RecentLibrary[],
  hasLibrary: (root: string) => boolean,
): string | null {
  return list.find((r) => hasLibrary(r.root))?.root ?? null;
}

/** The stored list; a damaged or foreign file gives an empty list, never an error at start. */
export function parseRecent(text: string, platform: NodeJS.Platform = process.platform): RecentLibrary[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = RecentFileSchema.safeParse(raw);
  if (!parsed.success) return [];
  const paths = platform === 'win32' ? path.win32 : path.posix;
  // Re-added oldest first, so a hand-edited file still comes out deduplicated and capped.
  return parsed.data.libraries
    .filter((r) => paths.isAbsolute(r.root))
    .reverse()
    .reduce<RecentLibrary[]>((list, r) => addRecent(list, r, platform), []);
}

export function serializeRecent(list: readonly RecentLibrary[]): string {
  return JSON.stringify({ version: 1, libraries: list }, null, 2) + '\n';
}

export async function loadRecent(file: string): Promise<RecentLibrary[]> {
  try {
    return parseRecent(await readFile(file, 'utf8'));
  } catch {
    return []; // no list yet
  }
}

/** Written durably (temp file, fsync, rename): a crash leaves the old list or the new one. */
export async function saveRecent(file: string, list: readonly RecentLibrary[]): Promise<void> {
  await writeFileDurably(file, serializeRecent(list));
}
