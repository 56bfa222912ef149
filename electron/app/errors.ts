// Failures as the doors see them: a code and a sentence, never a stack.
import { WenshiError } from '../core/errors';
import type { ApiError } from '../contract';

/** The code of a failure the application raised on purpose, or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof WenshiError ? error.code : undefined;
}

/** Any failure of a use case, as the result a door sends back. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof WenshiError) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return { code: 'io', message: '磁盘空间不足，操作未完成，已保存的内容不受影响。' };
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return { code: 'io', message: '没有写入权限（只读磁盘或权限不足），操作未完成。' };
  return { code: 'internal', message: `内部错误：${(error as Error).message ?? String(error)}` };
}
