// What the library tells the doors without being asked: job progress and changes.
import type { ItemSummary, OpName } from './operations';

export type ApiEvent =
  | {
      type: 'progress';
      jobId: string;
      op: OpName;
      phase: string;
      done: number;
      total: number;
      current?: string;
      etaSeconds?: number;
    }
  /**
   * Items created, changed or deleted. A small batch carries the rows of those still there, so a
   * list shows an edit without asking again; the ids of a large one are enough to refresh.
   */
  | { type: 'changed'; ids: string[]; items?: ItemSummary[] }
  /** The library's name or settings changed (saved searches among them). */
  | { type: 'library' };

/** The job id of the search index's rebuild progress events (op `search.status`). */
export const SEARCH_INDEX_JOB = 'search-index';
