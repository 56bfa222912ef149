// How a failed call comes back through every door.

export interface ApiError {
  /** What went wrong, for programs: `invalid_argument`, `not_found`, `read_only`, `forbidden`, `io`… */
  code: string;
  /** The sentence for a person, in Chinese. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
