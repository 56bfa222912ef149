/**
 * The one list of Wenshi's operations. IPC handlers, the preload bridge, HTTP routes, the
 * renderer client and the CLI are all derived from this table: adding an operation is one
 * entry here plus its handler in service.ts.
 */
import { z } from 'zod';
import { ItemFieldsSchema, ItemKindSchema, ItemPatchSchema, ItemSchema } from '../core/model';

/**
 * - `read`: any door may call it, also a read-only one.
 * - `write`: changes the library.
 * - `local`: takes paths on this computer, so only the desktop app and the CLI may call it.
 */
export type Access = 'read' | 'write' | 'local';

interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
  /** Long work: reports progress events and can be cancelled by its job id. */
  job?: true;
}

function op<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

const Id = z.string().min(1, '缺少条目编号');

export const ItemSummarySchema = ItemSchema.pick({
  id: true,
  kind: true,
  title: true,
  date: true,
  place: true,
  people: true,
  createdAt: true,
  updatedAt: true,
});

const PathReasonSchema = z.object({ path: z.string(), reason: z.string() });

export const contract = {
  'library.info': op({
    summary: '资料库信息',
    access: 'read',
    input: z.object({}),
    output: z.object({
      name: z.string(),
      root: z.string(),
      formatVersion: z.number(),
      itemCount: z.number(),
      readOnly: z.boolean(),
      /** Why the library is read-only, for the banner. */
      readOnlyReason: z.string().optional(),
    }),
  }),
  'items.list': op({
    summary: '列出条目',
    access: 'read',
    input: z.object({
      kind: ItemKindSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(10000).default(1000),
    }),
    output: z.object({ total: z.number(), items: z.array(ItemSummarySchema) }),
  }),
  'items.get': op({
    summary: '查看条目',
    access: 'read',
    input: z.object({ id: Id }),
    output: ItemSchema,
  }),
  'items.create': op({
    summary: '新建条目',
    access: 'write',
    input: ItemFieldsSchema,
    output: ItemSchema,
  }),
  'items.update': op({
    summary: '修改条目',
    access: 'write',
    input: z.object({ id: Id, patch: ItemPatchSchema }),
    output: ItemSchema,
  }),
  'items.delete': op({
    summary: '删除条目',
    access: 'write',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'items.add': op({
    summary: '导入文件或文件夹',
    access: 'local',
    job: true,
    input: z.object({
      paths: z.array(z.string().min(1)).min(1, '请指定要导入的文件或文件夹'),
      kind: ItemKindSchema.optional(),
    }),
    output: z.object({
      added: z.array(z.string()),
      skipped: z.array(PathReasonSchema),
      failed: z.array(PathReasonSchema),
    }),
  }),
  'search.query': op({
    summary: '全文检索',
    access: 'read',
    input: z.object({
      query: z.string().max(500, '检索词太长'),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    output: z.object({
      total: z.number(),
      hits: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          kind: ItemKindSchema,
          score: z.number(),
          snippet: z.string(),
          highlights: z.array(z.tuple([z.number(), z.number()])),
        }),
      ),
    }),
  }),
  'volumes.compile': op({
    summary: '编印 PDF',
    access: 'write',
    job: true,
    input: z.object({
      /** Items in order; all items (by creation) when omitted. */
      itemIds: z.array(Id).optional(),
      title: z.string().trim().min(1).max(200).optional(),
      /** Where to write the PDF (desktop and CLI only); by default the library's exports/ folder. */
      output: z.string().min(1).optional(),
    }),
    output: z.object({
      /** File name inside exports/ (for download), or the path given. */
      fileName: z.string(),
      path: z.string(),
      pages: z.number(),
      bytes: z.number(),
      articles: z.number(),
      missingGlyphs: z.array(z.object({ char: z.string(), articles: z.array(z.string()) })),
    }),
  }),
  'library.verify': op({
    summary: '校验资料库（重新计算原件校验值，核对目录与文件）',
    access: 'write',
    job: true,
    input: z.object({ repair: z.boolean().default(false) }),
    output: z.object({
      verifiedAt: z.string(),
      checkedFiles: z.number(),
      problems: z.array(
        z.object({
          kind: z.enum(['missing', 'altered', 'orphan', 'damaged', 'derivable']),
          path: z.string(),
          itemIds: z.array(z.string()),
          message: z.string(),
        }),
      ),
      repaired: z.array(z.string()),
      /** When the next scheduled verification is due; null when scheduling is off. */
      nextDue: z.string().nullable(),
    }),
  }),
  'library.backup': op({
    summary: '备份资料库为 BagIt 包',
    access: 'local',
    job: true,
    input: z.object({ output: z.string().min(1, '请指定备份文件夹') }),
    output: z.object({
      path: z.string(),
      payloadFiles: z.number(),
      payloadBytes: z.number(),
      itemCount: z.number(),
      originals: z.number(),
    }),
  }),
  'library.merge': op({
    summary: '导入其他征集员的资料包（按编号和内容合并）',
    access: 'local',
    job: true,
    input: z.object({ bag: z.string().min(1, '请指定资料包文件夹') }),
    output: z.object({
      added: z.array(z.string()),
      identical: z.array(z.string()),
      conflicts: z.array(
        z.object({
          itemId: z.string(),
          theirId: z.string(),
          title: z.string(),
          field: z.string(),
          ours: z.unknown(),
          theirs: z.unknown(),
        }),
      ),
      failed: z.array(z.object({ itemId: z.string(), reason: z.string() })),
      filesCopied: z.number(),
      reportPath: z.string().nullable(),
    }),
  }),
  'items.exportCsv': op({
    summary: '导出条目为 CSV',
    access: 'local',
    input: z.object({ output: z.string().min(1, '请指定 CSV 文件') }),
    output: z.object({ path: z.string(), rows: z.number() }),
  }),
  'jobs.cancel': op({
    summary: '取消任务',
    access: 'read',
    input: z.object({ jobId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
export const OP_NAMES = Object.keys(contract) as OpName[];

export interface ApiError {
  code: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Sent with a call: a job id lets the caller cancel the work and match its progress events. */
export interface CallMeta {
  jobId?: string;
}

export type ApiEvent =
  | {
      type: 'progress';
      jobId: string;
      op: OpName;
      phase: string;
      done: number;
      total: number;
      current?: string;
    }
  | { type: 'changed'; ids: string[] };

/** The desktop bridge: one method per operation, plus events. */
export type WenshiBridge = {
  [K in OpName]: (args: OpInput<K>, meta?: CallMeta) => Promise<Result<OpOutput<K>>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

export const IPC_INVOKE_CHANNEL = 'wenshi:invoke';
export const IPC_EVENT_CHANNEL = 'wenshi:event';
/** The HTTP door: POST `${HTTP_API_PREFIX}<op>`, events at `${HTTP_API_PREFIX}events`. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EXPORTS_PREFIX = '/exports/';
export const HTTP_TOKEN_COOKIE = 'wenshi_token';

// The data shapes the doors exchange, for the renderer (which imports nothing else from electron/).
export { ITEM_KINDS, PERSON_ROLES } from '../core/model';
export type { Item, ItemKind, ItemFields, Person, PersonRole } from '../core/model';
