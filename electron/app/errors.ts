// Failures as the doors see them: a code, and a sentence key with its parameters, never a stack.
import type { z } from 'zod';
import { WenshiError } from '../core/errors';
import { sentenceOfMessage } from '../core/model';
import { namedError, type ApiError, type ErrorSentence } from '../contract';

/** A failure the application layer names itself, with a sentence of the contract. */
export class AppFailure extends Error {
  readonly failure: ApiError;
  constructor(code: string, sentence: ErrorSentence, params: Record<string, string> = {}) {
    const failure = namedError(code, sentence, params);
    super(failure.message);
    this.name = 'AppFailure';
    this.failure = failure;
  }
}

/** The code of a failure the application raised on purpose, or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof AppFailure) return error.failure.code;
  return error instanceof WenshiError ? error.code : undefined;
}

/** Any failure of a use case, as the result a door sends back. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppFailure) return error.failure;
  if (error instanceof WenshiError)
    return { code: error.code, message: error.message, sentence: error.sentence, params: error.params };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return namedError('io', 'disk_full');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return namedError('io', 'no_permission');
  return namedError('internal', 'internal', { detail: (error as Error).message ?? String(error) });
}

/**
 * Arguments a schema refused. When the schema said one of the model's sentences (题名不能为空…)
 * that sentence travels by its key; any other message is given with where it arose.
 */
export function invalidArgument(issue: z.core.$ZodIssue): ApiError {
  const named = sentenceOfMessage(issue.message);
  if (named) return namedError('invalid_argument', named.sentence, named.params);
  const detail = issue.message;
  if (issue.path.length === 0) return namedError('invalid_argument', 'invalid_argument', { detail });
  return namedError('invalid_argument', 'invalid_argument_at', { where: issue.path.join('.'), detail });
}
