/**
 * The search index in a worker thread: tokenizing, rebuilding and answering queries never hold
 * up the process that serves the UI. It reads the catalog once from disk, then follows the
 * changes the library sends it, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalog, type CatalogChange } from '../catalog';
import type { Item } from '../model';
import { SearchIndex, type ItemSource } from './searchIndex';
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './workerProtocol';

/** The catalog as the worker knows it: the files at start, then every change sent since. */
class MirroredCatalog implements ItemSource {
  private readonly items = new Map<string, Item>();
  private readonly listeners = new Set<(change: CatalogChange) => void>();

  constructor(items: Item[]) {
    for (const item of items) this.items.set(item.id, item);
  }

  all(): Item[] {
    return [...this.items.values()];
  }

  get(id: string): Item | undefined {
    return this.items.get(id);
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  put(item: Item): void {
    const previous = this.items.get(item.id);
    this.items.set(item.id, item);
    for (const listener of this.listeners) listener({ type: 'put', item, previous });
  }

  delete(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    this.items.delete(id);
    for (const listener of this.listeners) listener({ type: 'delete', item });
  }
}

const port = parentPort!;
const data = workerData as SearchWorkerData;
const post = (message: FromSearchWorker) => port.postMessage(message);

// Messages wait here until the catalog is read: a change sent meanwhile may already be in the
// files, and applying it again is harmless.
const queue: ToSearchWorker[] = [];
let started = false;
port.on('message', (message: ToSearchWorker) => (started ? handle(message) : queue.push(message)));

const catalog = await Catalog.open(data.catalogDir, () => new Date());
const mirror = new MirroredCatalog(catalog.all());
const index = new SearchIndex(mirror, {
  dir: data.indexDir,
  persist: data.persist,
  onProgress: (progress) => post({ type: 'progress', progress }),
});

function handle(message: ToSearchWorker): void {
  switch (message.type) {
    case 'put':
      return mirror.put(message.item);
    case 'delete':
      return mirror.delete(message.id);
    case 'search':
      // Before the index is ready, searches wait for it; their order is kept by the promise chain.
      if (!index.loaded) {
        void index.ready.then(
          () => answer(message),
          (error: unknown) => post({ type: 'failed', id: message.id, message: String(error) }),
        );
        return;
      }
      return answer(message);
    case 'flush':
      void index.flush().then(
        () => post({ type: 'done', id: message.id }),
        (error: unknown) => post({ type: 'failed', id: message.id, message: String(error) }),
      );
  }
}

function answer(message: Extract<ToSearchWorker, { type: 'search' }>): void {
  try {
    post({ type: 'result', id: message.id, result: index.search(message.query, message.options) });
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
}

started = true;
for (const message of queue.splice(0)) handle(message);
void index.ready.then(() => post({ type: 'ready' }));
