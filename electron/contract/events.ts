// What the library tells the doors without being asked: job progress and changes.
import type { OpName } from './operations';

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
  | { type: 'changed'; ids: string[] }
  /** The library's name or settings changed (saved searches among them). */
  | { type: 'library' };

/** The job id of the search index's rebuild progress events (op `search.status`). */
export const SEARCH_INDEX_JOB = 'search-index';
