// Which library the window shows, and the switch to another; free of Electron imports so tests can run it in Node.
import {
  addRecent,
  loadRecent,
  renameRecent,
  saveRecent,
  sameFolder,
  type RecentLibrary,
} from './recentLibraries';

/** The part of a Service the holder needs. */
export interface OpenLibrary {
  readonly library: { readonly root: string; readonly info: { readonly name: string } };
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
  /** Told when the recent list could not be saved: a full disk must not stop a switch. */
  onSaveError?: (error: unknown) => void;
}

/**
 * Holds the open library. A switch opens the new library before closing the old one, so a folder
 * that turns out not to be a library leaves the window as it was; the old one is then closed
 * cleanly (flushed, unlocked) and the recent list updated.
 */
export class LibraryHolder<S extends OpenLibrary> {
  private current: S | undefined;
  private recent: RecentLibrary[] = [];
  private switching = false;

  private constructor(private readonly options: Options<S>) {}

  static async load<S extends OpenLibrary>(options: Options<S>): Promise<LibraryHolder<S>> {
    const holder = new LibraryHolder(options);
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
    if (this.current && sameFolder(this.current.library.root, root)) return { kind: 'same' };
    this.switching = true;
    try {
      let next: S;
      try {
        next = await this.options.open(root);
      } catch (error) {
        return { kind: 'failed', error };
      }
      const previous = this.current;
      this.current = next;
      if (previous) await this.release(previous);
      const openedAt = (this.options.clock ?? (() => new Date()))().toISOString();
      this.recent = addRecent(this.recent, {
        root: next.library.root,
        name: next.library.info.name,
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
    const open = this.current?.library.root;
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
    this.recent = renameRecent(this.recent, service.library.root, service.library.info.name);
    await service.close();
  }

  private async save(): Promise<void> {
    try {
      await saveRecent(this.options.recentFile, this.recent);
    } catch (error) {
      this.options.onSaveError?.(error);
    }
  }
}
