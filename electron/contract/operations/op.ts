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

/** A file the browser uploaded first (PUT to the uploads path), named by its batch and file name. */
export const UploadRefSchema = z.object({
  batchId: z.string().regex(/^[a-z0-9-]{8,64}$/, '上传批次编号无效'),
  name: z.string().min(1).max(255),
});

/**
 * For a file given by path (the desktop app and the CLI, which may name files on this computer) or
 * as an upload (browser mode): exactly one of the two.
 */
export function oneSource(pathKey: string, missing: string) {
  return [
    (v: Record<string, unknown>) => (v[pathKey] === undefined) !== (v['upload'] === undefined),
    missing,
  ] as const;
}
