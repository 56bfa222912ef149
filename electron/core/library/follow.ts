import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Library } from './library';

/** What a look at the library found. */
export interface FollowUpdate {
  /** Items another process created, changed or deleted since the last look. */
  ids: string[];
  /** library.json changed (name, settings, saved searches). */
  info: boolean;
  /** The lock was free and is now ours: the library is writable. */
  writable: boolean;
}

export interface FollowOptions {
  /** How often to look; a file-system event makes the next look come sooner. */
  intervalMs?: number;
  onUpdate: (update: FollowUpdate) => void;
  /** A look that failed (an unreadable shard while the writer replaces it is retried next time). */
  onError?: (error: unknown) => void;
  /** Other folders of the library kept in memory (volumes): read again when a file in them changes. */
  folders?: { dir: string; reload: () => Promise<void> }[];
}

const SHARD = /^items-([0-9a-f]{2})\.json$/;

/** Size and time of a file: a writer's commit replaces the file, which changes both or one. */
async function signature(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  return info ? `${info.size}:${info.mtimeMs}` : '';
}

/**
 * Follows a library opened read-only while another process writes it: every look reads again
 * the catalog shards and library.json that changed on disk, and when the writer has let the
 * lock go (it closed, or died), takes the lock and makes the library writable, after reading
 * what the writer committed last. A library opened read-only on purpose is followed but never
 * made writable. It looks every two seconds, and soon after the folder reports a change
 * (fs.watch is only a hint: it misses events on network and some USB file systems).
 */
export class LibraryFollower {
  private readonly signatures = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private watchers: FSWatcher[] = [];
  private looking: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    private readonly library: Library,
    private readonly options: FollowOptions,
  ) {}

  /** Starts following; what is on disk now is taken as what the library has already read. */
  static async start(library: Library, options: FollowOptions): Promise<LibraryFollower> {
    const follower = new LibraryFollower(library, options);
    await follower.changedFiles();
    for (const folder of options.folders ?? []) await follower.folderChanged(folder.dir);
    follower.timer = setInterval(() => void follower.look(), options.intervalMs ?? 2000);
    follower.timer.unref?.();
    for (const dir of [library.root, library.path('catalog')]) {
      try {
        const watcher = watch(dir, () => follower.lookSoon());
        watcher.on('error', () => undefined);
        watcher.unref();
        follower.watchers.push(watcher);
      } catch {
        // No events on this file system: the timer alone will do.
      }
    }
    return follower;
  }

  /** One look now; resolves when it is done (a look already under way is awaited instead). */
  look(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.looking ??= this.lookOnce()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => (this.looking = undefined));
    return this.looking;
  }

  async stop(): Promise<void> {
    this.halt();
    await this.looking;
  }

  private halt(): void {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.soon);
    for (const watcher of this.watchers) watcher.close();
  }

  private lookSoon(): void {
    if (this.soon || this.stopped) return;
    // A commit is several files (shard, backup, audit log): look once they have landed.
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.look();
    }, 200);
    this.soon.unref?.();
  }

  private async lookOnce(): Promise<void> {
    let update: FollowUpdate = { ids: [], info: false, writable: false };
    const reload = async () => {
      const changed = await this.changedFiles();
      update = {
        ...update,
        ids: await this.library.catalog.reloadShards(changed.shards),
        info: changed.info && (await this.library.reloadInfo()),
      };
      for (const folder of this.options.folders ?? [])
        if (await this.folderChanged(folder.dir)) await folder.reload();
    };
    if (this.library.readOnly && this.library.lockedBy && (await this.library.takeLockIfFree(reload))) {
      update.writable = true;
      this.halt();
    } else if (this.library.readOnly) await reload();
    if (update.writable || update.info || update.ids.length > 0) this.options.onUpdate(update);
  }

  /** The shards (by key) and whether library.json changed since the last call. */
  private async changedFiles(): Promise<{ shards: string[]; info: boolean }> {
    const catalog = this.library.path('catalog');
    const names = (await readdir(catalog).catch(() => [] as string[])).filter((n) => SHARD.test(n));
    const shards: string[] = [];
    const seen = new Set<string>();
    for (const name of [...names, ...this.signatures.keys()]) {
      if (seen.has(name) || !SHARD.test(name)) continue;
      seen.add(name);
      if (this.remember(name, await signature(path.join(catalog, name)))) shards.push(SHARD.exec(name)![1]!);
    }
    const info = this.remember('library.json', await signature(this.library.path('library.json')));
    return { shards, info };
  }

  /** Whether any file in `dir` appeared, changed or went away since the last call. */
  private async folderChanged(dir: string): Promise<boolean> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const parts = await Promise.all(
      names.sort().map(async (n) => `${n}=${await signature(path.join(dir, n))}`),
    );
    const key = `folder:${dir}`;
    const before = this.signatures.get(key);
    this.signatures.set(key, parts.join('|'));
    return before !== undefined && before !== parts.join('|');
  }

  /** Notes a file's signature; true if it differs from the one noted before. */
  private remember(name: string, value: string): boolean {
    const before = this.signatures.get(name);
    this.signatures.set(name, value);
    return before !== undefined ? before !== value : value !== '' && name !== 'library.json';
  }
}
