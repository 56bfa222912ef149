// Failures as the doors see them: a code and a sentence, never a stack.
import { WenshiError } from '../core/errors';
import { namedError, type ApiError } from '../contract';

/** The code of a failure the application raised on purpose, or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof WenshiError ? error.code : undefined;
}

/** Any failure of a use case, as the result a door sends back. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof WenshiError) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return namedError('io', 'disk_full');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return namedError('io', 'no_permission');
  return namedError('internal', 'internal', { detail: (error as Error).message ?? String(error) });
}
