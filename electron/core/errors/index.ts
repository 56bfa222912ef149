/** Codes the doors map to results; the message is a sentence a person can act on. */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'not_a_library'
  | 'newer_format'
  | 'exists'
  | 'read_only'
  | 'cancelled'
  | 'unsupported'
  | 'io'
  | 'internal';

export class WenshiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WenshiError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WenshiError('cancelled', '操作已取消');
}
