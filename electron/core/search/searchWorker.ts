/**
 * The search index in a worker thread: tokenizing, rebuilding and answering queries never hold
 * up the process that serves the UI. It reads the catalog's files once, a shard at a time, and
 * then follows the changes the library sends it, in order. It keeps no items: the index holds
 * the folded text and the facts that filters, sorts and facets need, and answers with ids, so
 * the items themselves live once, in the library's catalog.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../catalog';
import type { Item } from '../model';
import type { ItemSource, SourceChange } from './queryTypes';
import { SearchIndex } from './searchIndex';
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './workerProtocol';

/** The catalog as the worker sees it: its files at start, then every change sent since. */
class FollowedCatalog implements ItemSource {
  private readonly listeners = new Set<(change: SourceChange) => void>();

  constructor(
    private readonly dir: string,
    private readonly known: [string, string][] | undefined,
  ) {}

  get size(): number | undefined {
    return this.known?.length;
  }

  all(): AsyncIterable<Item[]> {
    return Catalog.readShards(this.dir);
  }

  versions(): [string, string][] | undefined {
    return this.known;
  }

  some(ids: string[]): AsyncIterable<Item[]> {
    return Catalog.readShards(this.dir, ids);
  }

  onChange(listener: (change: SourceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: SourceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

const port = parentPort!;
const data = workerData as SearchWorkerData;
const post = (message: FromSearchWorker) => port.postMessage(message);

// Changes sent while the files are read are held by the index until it is ready: one may
// already be in the files, and applying it again is harmless.
const source = new FollowedCatalog(data.catalogDir, data.versions);
const index = new SearchIndex(source, {
  dir: data.indexDir,
  persist: data.persist,
  onProgress: (progress) => post({ type: 'progress', progress }),
});

function handle(message: ToSearchWorker): void {
  switch (message.type) {
    case 'put':
      return source.emit({ type: 'put', item: message.item });
    case 'delete':
      return source.emit({ type: 'delete', item: { id: message.id } });
    case 'query':
      // Before the index is ready, queries wait for it; their order is kept by the promise chain.
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

function answer(message: Extract<ToSearchWorker, { type: 'query' }>): void {
  try {
    post({ type: 'result', id: message.id, result: index.query(message.request) });
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', handle);
void index.ready.then(async () => {
  // After a build the index is saved at once, so that a fresh worker can load it instead.
  const built = index.built && data.persist;
  if (built) await index.flush();
  post({ type: 'ready', built });
  // A worker that only built the index is let go once its replacement has loaded the file.
  if (!built) index.prepareLists();
});
