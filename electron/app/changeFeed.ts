import type { ApiEvent, ItemSummary } from '../contract';

/** How often, at most, the doors hear of catalog changes during a burst of them. */
const CHANGE_BATCH_MS = 250;
/** Batches up to this size carry their rows (a list page's worth); larger ones only their ids. */
const ROWS_IN_EVENT = 200;

/** The rows of the items still in the library, by id; deleted ones are left out. */
export type DescribeItems = (ids: string[]) => ItemSummary[];

/**
 * The events the doors listen to. A single edit is told at once; an import of thousands of items
 * is told a few times a second, in batches, so no window reloads its list per item.
 */
export class ChangeFeed {
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private readonly changedIds = new Set<string>();
  private window: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly describe: DescribeItems = () => []) {}

  listen(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  changed(id: string): void {
    if (this.window) {
      this.changedIds.add(id);
      return;
    }
    this.emitChanged([id]);
    this.openWindow();
  }

  private emitChanged(ids: string[]): void {
    if (ids.length > ROWS_IN_EVENT) this.emit({ type: 'changed', ids });
    else this.emit({ type: 'changed', ids, items: this.describe(ids) });
  }

  close(): void {
    clearTimeout(this.window);
  }

  private openWindow(): void {
    this.window = setTimeout(() => {
      this.window = undefined;
      if (this.changedIds.size === 0) return;
      const ids = [...this.changedIds];
      this.changedIds.clear();
      this.emitChanged(ids);
      this.openWindow();
    }, CHANGE_BATCH_MS);
    this.window.unref?.();
  }
}
