export interface Progress {
  /** What is being done, e.g. "import", "compile". */
  phase: string;
  done: number;
  total: number;
  /** The file or article at hand, for a person watching. */
  current?: string;
  /** Estimated seconds left, from the pace so far. */
  etaSeconds?: number;
}

/** What long work receives: a way to report progress and a signal that says stop. */
export interface JobContext {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}
