import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog';
import { WenshiError } from '../errors';
import type { Progress } from '../jobs';
import type { QueryPage, QueryRequest, SearchOptions, SearchResult } from './queryTypes';
import { SearchIndex, searchResult } from './searchIndex';
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './workerProtocol';

/** Search as the doors use it: the same whether the index runs in this thread or a worker. */
export interface SearchEngine {
  /** Resolves once the index is loaded or built. */
  readonly ready: Promise<void>;
  readonly loaded: boolean;
  /**
   * The one query for lists and search: with text a search, without a browse of every item
   * passing the filters; a page of ids (with scores and snippet positions for text) in a stable
   * order, the total, and facet counts if asked. The items are the catalog's: build summaries
   * from `catalog.get(hit.id)`, or search hits with searchHit / searchResult.
   */
  query(request: QueryRequest): Promise<QueryPage>;
  /** query() with text, its hits built from the catalog (title, snippet, timecode). */
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** Writes pending index changes. */
  flush(): Promise<void>;
  /** Flushes and stops. */
  close(): Promise<void>;
}

export interface SearchEngineOptions {
  catalogDir: string;
  indexDir: string;
  persist: boolean;
  onProgress?: (progress: Progress) => void;
}

/** The index in this thread: for the CLI and tests, where nothing else waits on the thread. */
export function inlineSearch(catalog: Catalog, options: SearchEngineOptions): SearchEngine {
  const index = new SearchIndex(catalog, {
    dir: options.indexDir,
    persist: options.persist,
    onProgress: options.onProgress,
  });
  return {
    ready: index.ready,
    get loaded() {
      return index.loaded;
    },
    query: async (request) => {
      await index.ready;
      return index.query(request);
    },
    search: async (query, searchOptions) => {
      await index.ready;
      return index.search(query, searchOptions);
    },
    flush: () => index.flush(),
    close: () => index.flush(),
  };
}

/** The worker from its source file, through tsx; the desktop app passes its built file instead. */
const SOURCE_WORKER = new URL('./sourceWorker.mjs', import.meta.url);
/** A worker that dies this often in a row is not started again: searches then fail clearly. */
const MAX_RESTARTS = 3;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The worker asked: a retiring one is let go once it has answered. */
  worker: Worker;
}

/**
 * The index in a worker thread, so a rebuild or a heavy query never delays the doors. Catalog
 * changes are forwarded as they happen, and messages are handled in order, so a search sees
 * every change made before it was asked. A worker that dies is started again; it reads the
 * catalog afresh, which holds every change reported so far.
 */
export class WorkerSearch implements SearchEngine {
  readonly ready: Promise<void>;
  private worker!: Worker;
  /** Loading the saved index after a build, to take over from the worker that built it. */
  private replacement: Worker | undefined;
  private readonly retiring = new Set<Worker>();
  private started = 0;
  private isReady = false;
  private closed = false;
  private restarts = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly unsubscribe: () => void;
  private markReady!: () => void;

  constructor(
    private readonly catalog: Catalog,
    private readonly options: SearchEngineOptions & {
      /** The built worker (the desktop app's bundle); the source file through tsx by default. */
      workerUrl?: URL;
    },
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.unsubscribe = catalog.onChange((change) =>
      this.send(
        change.type === 'put' ? { type: 'put', item: change.item } : { type: 'delete', id: change.item.id },
      ),
    );
    this.start();
  }

  get loaded(): boolean {
    return this.isReady;
  }

  /** Workers started so far: the first, any restarts, and the one that replaces a builder. */
  get workersStarted(): number {
    return this.started;
  }

  private start(): void {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const url = this.options.workerUrl ?? SOURCE_WORKER;
    const data: SearchWorkerData = {
      catalogDir: this.options.catalogDir,
      indexDir: this.options.indexDir,
      persist: this.options.persist,
      versions: this.catalog.all().map((item): [string, string] => [item.id, item.updatedAt]),
    };
    // A small young generation: the worker's garbage is short-lived batches, and V8's default
    // semi-spaces kept ~50 MB more resident in a served 50,000-item library (bench:memory).
    const worker = new Worker(url, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (message: FromSearchWorker) => this.receive(worker, message));
    worker.on('error', () => undefined);
    worker.on('exit', () => this.exited(worker));
    // An idle worker must not keep a CLI process alive.
    worker.unref();
    this.started++;
    return worker;
  }

  private receive(from: Worker, message: FromSearchWorker): void {
    switch (message.type) {
      case 'ready':
        if (from === this.replacement) return this.swap();
        this.isReady = true;
        this.restarts = 0;
        this.markReady();
        // A build leaves the worker holding far more memory than the index needs (a few hundred
        // MB at 50,000 items). A fresh worker loads the saved index; this one is let go once
        // the fresh one answers.
        if (message.built && !this.closed) this.replacement = this.spawn();
        return;
      case 'progress':
        // The replacement's loading is no news to the user: searching goes on meanwhile.
        if (from !== this.replacement) this.options.onProgress?.(message.progress);
        return;
      case 'result':
        return this.settle(message.id, (p) => p.resolve(message.result));
      case 'done':
        return this.settle(message.id, (p) => p.resolve(undefined));
      case 'failed':
        return this.settle(message.id, (p) =>
          p.reject(new WenshiError('internal', 'search_failed', { detail: message.message })),
        );
    }
  }

  /** The replacement takes over; the old worker ends when its last answer is in. */
  private swap(): void {
    const old = this.worker;
    this.worker = this.replacement!;
    this.replacement = undefined;
    this.retire(old);
  }

  private retire(worker: Worker): void {
    const busy = [...this.pending.values()].some((p) => p.worker === worker);
    if (busy) this.retiring.add(worker);
    else void worker.terminate();
  }

  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (!pending) return;
    if (![...this.pending.values()].some((p) => p.worker === pending.worker)) pending.worker.unref();
    action(pending);
    if (this.retiring.has(pending.worker)) {
      this.retiring.delete(pending.worker);
      this.retire(pending.worker);
    }
  }

  private exited(worker: Worker): void {
    if (worker === this.replacement) this.replacement = undefined;
    if (worker !== this.worker || this.closed) return;
    for (const pending of this.pending.values())
      pending.reject(new WenshiError('internal', 'search_worker_exited'));
    this.pending.clear();
    if (++this.restarts <= MAX_RESTARTS) this.start();
  }

  private send(message: ToSearchWorker): void {
    if (this.closed) return;
    this.worker.postMessage(message);
    // A replacement read the catalog when it started: it must hear of every change since.
    this.replacement?.postMessage(message);
  }

  private request<T>(message: ToSearchWorker & { id: number }): Promise<T> {
    if (this.closed) return Promise.reject(new WenshiError('internal', 'search_closed'));
    if (this.restarts > MAX_RESTARTS)
      return Promise.reject(new WenshiError('internal', 'search_cannot_start'));
    const worker = this.worker;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve: resolve as (value: unknown) => void, reject, worker });
      // An idle worker lets the process end, but not while it owes an answer: a process stopping
      // on a signal would end in the middle of the last flush, before the lock is released.
      worker.ref();
      worker.postMessage(message);
    });
  }

  query(request: QueryRequest): Promise<QueryPage> {
    return this.request({ type: 'query', id: this.nextId++, request });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const page = await this.query({ ...options, text: query, snippets: true });
    return searchResult(page, (id) => this.catalog.get(id));
  }

  flush(): Promise<void> {
    return this.request({ type: 'flush', id: this.nextId++ });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.unsubscribe();
    await this.flush().catch(() => undefined);
    this.closed = true;
    await Promise.all([this.worker, this.replacement, ...this.retiring].map((w) => w?.terminate()));
  }
}
