import type { Item } from '../model';
import type { Progress } from '../jobs';
import type { QueryPage, QueryRequest } from './queryTypes';

/** What the search worker is started with. */
export interface SearchWorkerData {
  /** The library's catalog folder, read once at start a shard at a time: the worker never writes it. */
  catalogDir: string;
  /** The index/ folder. */
  indexDir: string;
  /** Whether the worker may write the index folder. */
  persist: boolean;
  /**
   * The id and updatedAt of every item when the worker was started: a saved index is compared
   * with them and reads from the files only the items that changed; a build counts progress by them.
   */
  versions?: [string, string][];
}

/** Messages to the worker, handled strictly in order: a query sees every change sent before it. */
export type ToSearchWorker =
  | { type: 'put'; item: Item }
  | { type: 'delete'; id: string }
  | { type: 'query'; id: number; request: QueryRequest }
  | { type: 'flush'; id: number };

export type FromSearchWorker =
  /** `built`: the index was built and saved, and a worker started now would load it from its file. */
  | { type: 'ready'; built: boolean }
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; id: number; result: QueryPage }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; message: string };
