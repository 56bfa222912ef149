import type { Item } from '../model';
import type { Progress } from '../jobs';
import type { SearchOptions, SearchResult } from './searchIndex';

/** What the search worker is started with. */
export interface SearchWorkerData {
  /** The library's catalog folder, read once at start: the worker never writes it. */
  catalogDir: string;
  /** The index/ folder. */
  indexDir: string;
  /** Whether the worker may write the index folder. */
  persist: boolean;
}

/** Messages to the worker, handled strictly in order: a search sees every change sent before it. */
export type ToSearchWorker =
  | { type: 'put'; item: Item }
  | { type: 'delete'; id: string }
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  | { type: 'flush'; id: number };

export type FromSearchWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; message: string };
