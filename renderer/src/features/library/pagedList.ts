import type { ItemSummary } from './columns';

/** Rows asked of the core at once: a screenful many times over, a small answer however big the library. */
export const PAGE_SIZE = 200;
/** Pages kept beside those in view, so scrolling back is instant while memory stays bounded. */
const KEPT_PAGES = 8;
/**
 * Pages are asked for at most this often while rows fly by (a scrollbar dragged over 100,000
 * rows): those still in view when the time is up, not every page passed on the way.
 */
const LOAD_EVERY_MS = 100;

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; items: ItemSummary[] }>;

/**
 * One list of the core (a view in an order) as the page sees it: a total and the pages loaded,
 * fetched as rows come into view. Knows nothing of React: `subscribe` tells when to draw again.
 */
export class PagedList {
  /** Unknown until the first page arrives. */
  total: number | null = null;
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;
  private readonly pages = new Map<number, ItemSummary[]>();
  private readonly loading = new Map<number, Promise<ItemSummary[]>>();
  private readonly listeners = new Set<() => void>();
  private shown: [number, number] = [0, 0];
  /** Answers asked before the last refresh may predate a change: they are not kept. */
  private generation = 0;
  private throttle: ReturnType<typeof setTimeout> | undefined;
  private moved = false;

  constructor(
    private readonly fetch: FetchPage,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  at(index: number): ItemSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Rows first..last are on screen: loads the pages they lie on, and forgets pages far away. */
  show(first: number, last: number): void {
    const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
    this.shown = [from, to];
    this.forget();
    if (this.throttle) {
      this.moved = true;
      return;
    }
    for (let page = from; page <= to; page++) void this.page(page).catch(this.onError);
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      if (!this.moved) return;
      this.moved = false;
      this.show(this.shown[0] * PAGE_SIZE, this.shown[1] * PAGE_SIZE);
    }, LOAD_EVERY_MS);
  }

  /** Forgets the pages farthest from those in view, beyond a few. */
  private forget(): void {
    const [from, to] = this.shown;
    const distance = (page: number) => (page < from ? from - page : page > to ? page - to : 0);
    const far = [...this.pages.keys()].sort((a, b) => distance(b) - distance(a));
    while (this.pages.size > to - from + 1 + KEPT_PAGES) this.pages.delete(far.shift()!);
  }

  /** The ids of rows from..to (inclusive, in order), fetching the pages not loaded, one page a request. */
  async ids(from: number, to: number): Promise<string[]> {
    const ids: string[] = [];
    for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
      const items = await this.page(page);
      items.forEach((item, i) => {
        const index = page * PAGE_SIZE + i;
        if (index >= from && index <= to) ids.push(item.id);
      });
      // A range over the whole library keeps its ids, not its summaries.
      this.forget();
    }
    return ids;
  }

  /**
   * Rows a change event carried, put in place by id at once: an edit shows before the pages are
   * asked again (which also settles rows that moved, left the view or were deleted).
   */
  patch(rows: ItemSummary[]): void {
    if (rows.length === 0) return;
    const byId = new Map(rows.map((row) => [row.id, row]));
    let patched = false;
    for (const [page, items] of this.pages) {
      if (!items.some((item) => byId.has(item.id))) continue;
      this.pages.set(
        page,
        items.map((item) => byId.get(item.id) ?? item),
      );
      patched = true;
    }
    if (patched) this.changed();
  }

  /**
   * After a change in the library: fetches again the pages in view (and the total with them)
   * and forgets the others, which load afresh when shown. Never the whole list.
   */
  async refresh(): Promise<void> {
    this.generation++;
    this.loading.clear();
    const [from, to] = this.shown;
    for (const page of [...this.pages.keys()]) if (page < from || page > to) this.pages.delete(page);
    const pages = [];
    // Loaded or not, each page in view is asked again: what it holds may have changed.
    for (let page = from; page <= to; page++) pages.push(this.load(page));
    await Promise.all(pages).catch(this.onError);
  }

  private page(page: number): Promise<ItemSummary[]> {
    const loaded = this.pages.get(page);
    if (loaded) return Promise.resolve(loaded);
    return this.loading.get(page) ?? this.load(page);
  }

  private load(page: number): Promise<ItemSummary[]> {
    const generation = this.generation;
    const request = this.fetch(page * PAGE_SIZE, PAGE_SIZE)
      .then((result) => {
        if (generation === this.generation) {
          this.pages.set(page, result.items);
          this.total = result.total;
          this.changed();
        }
        return result.items;
      })
      .finally(() => {
        if (this.loading.get(page) === request) this.loading.delete(page);
      });
    this.loading.set(page, request);
    return request;
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }
}
