// Which library is open, and the switch to another (the desktop window's library, the recent list).
import {
  addRecent,
  loadRecent,
  renameRecent,
  saveRecent,
  sameFolder,
  type RecentLibrary,
} from './recentLibraries';

/** The part of an open Application the workspace needs. */
export interface OpenLibrary {
  readonly root: string;
  readonly name: string;
  /** Stops jobs, flushes the search index, releases the write lock. */
  close(): Promise<void>;
}

export type SwitchOutcome<S> =
  { kind: 'switched'; service: S } | { kind: 'same' } | { kind: 'busy' } | { kind: 'failed'; error: unknown };

interface Options<S> {
  open: (root: string) => Promise<S>;
  /** Where the recent list is kept (in the user data folder). */
  recentFile: string;
  clock?: () => Date;
  /** Told what went wrong on the side (the recent list not saved, the old library not closed cleanly): neither stops a switch. */
  report?: (what: string, error: unknown) => void;
}

/**
 * Holds the open library. A switch opens the new library before closing the old one, so a folder
 * that turns out not to be a library leaves the window as it was; the old one is then closed
 * cleanly (flushed, unlocked) and the recent list updated. While the old one closes there is no
 * library: a late call from the old page is refused instead of landing in either.
 */
export class Workspace<S extends OpenLibrary> {
  private current: S | undefined;
  private recent: RecentLibrary[] = [];
  private switching = false;

  private constructor(private readonly options: Options<S>) {}

  static async load<S extends OpenLibrary>(options: Options<S>): Promise<Workspace<S>> {
    const holder = new Workspace(options);
    holder.recent = await loadRecent(options.recentFile);
    return holder;
  }

  get service(): S | undefined {
    return this.current;
  }

  get recentLibraries(): readonly RecentLibrary[] {
    return this.recent;
  }

  async switchTo(root: string): Promise<SwitchOutcome<S>> {
    if (this.switching) return { kind: 'busy' };
    if (this.current && sameFolder(this.current.root, root)) return { kind: 'same' };
    this.switching = true;
    try {
      let next: S;
      try {
        next = await this.options.open(root);
      } catch (error) {
        return { kind: 'failed', error };
      }
      const previous = this.current;
      this.current = undefined;
      try {
        if (previous) await this.release(previous);
      } catch (error) {
        this.options.report?.('上一个资料库未能正常关闭', error);
      } finally {
        this.current = next;
      }
      const openedAt = (this.options.clock ?? (() => new Date()))().toISOString();
      this.recent = addRecent(this.recent, {
        root: next.root,
        name: next.name,
        openedAt,
      });
      await this.save();
      return { kind: 'switched', service: next };
    } finally {
      this.switching = false;
    }
  }

  /** Empties the recent list but for the library that is open. */
  async clearRecent(): Promise<void> {
    const open = this.current?.root;
    this.recent = this.recent.filter((r) => open !== undefined && sameFolder(r.root, open));
    await this.save();
  }

  /** Closes the open library (at quit). */
  async close(): Promise<void> {
    const open = this.current;
    this.current = undefined;
    if (open) await this.release(open);
    await this.save();
  }

  /** Closes a library and keeps its name as it is now: it may have been renamed in 设置. */
  private async release(service: S): Promise<void> {
    this.recent = renameRecent(this.recent, service.root, service.name);
    await service.close();
  }

  private async save(): Promise<void> {
    try {
      await saveRecent(this.options.recentFile, this.recent);
    } catch (error) {
      this.options.report?.('最近打开的资料库列表未能保存', error);
    }
  }
}
