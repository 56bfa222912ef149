import { z } from 'zod';

/**
 * - `read`: any door may call it, also a read-only one.
 * - `write`: changes the library.
 * - `local`: takes paths on this computer, so only the desktop app and the CLI may call it.
 */
export type Access = 'read' | 'write' | 'local';

export interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
  /** Long work: reports progress events and can be cancelled by its job id. */
  job?: true;
}

export function op<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

export const Id = z.string().min(1, '缺少条目编号');
