import { coreSentence, paramText, type CoreSentence, type SentenceArgs } from '../model';

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

/**
 * A failure the core names: a code for programs, and a sentence key with its parameters, said in
 * the user's language where it reaches them. The message is the sentence in Simplified Chinese, for
 * logs and for callers that show it as is.
 */
export class WenshiError<K extends CoreSentence = CoreSentence> extends Error {
  readonly params: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    readonly sentence: K,
    ...[params]: SentenceArgs<K>
  ) {
    super(coreSentence(sentence, params));
    this.name = 'WenshiError';
    this.params = paramText(params);
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WenshiError('cancelled', 'cancelled');
}
