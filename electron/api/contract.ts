/**
 * The one list of Wenshi's operations. IPC handlers, the preload bridge, HTTP routes, the
 * renderer client and the CLI are all derived from this table: adding an operation is one
 * entry here plus its handler in service.ts.
 */
import { z } from 'zod';
import {
  ItemFieldsSchema,
  ItemKindSchema,
  ItemPatchSchema,
  ItemSchema,
  VolumeCountsSchema,
  VolumeFieldsSchema,
  VolumeSchema,
} from '../core/model';

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

const LibrarySettingsOutput = z.object({
  identifierPattern: z
    .string()
    .trim()
    .min(1)
    .refine((p) => p.includes('{seq'), '档号规则须包含流水号 {seq}，如 XCGG-{year}-{seq:4}'),
  subjects: z.array(z.string().trim().min(1)),
  extraPlaces: z.array(z.string().trim().min(1)),
});

/** What lists show of an item; `cover` is the content hash of its first image, for thumbnails. */
export const ItemSummarySchema = ItemSchema.pick({
  id: true,
  kind: true,
  identifier: true,
  title: true,
  eventDate: true,
  places: true,
  people: true,
  subjects: true,
  editorialStatus: true,
  collections: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  cover: z.string().optional(),
  /** Import suggestions and garbled-text flags waiting for a person's review. */
  pendingReview: z.number(),
});

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  itemId: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  undoOf: z.string().optional(),
});

const RegisterPreviewSchema = z.object({
  columns: z.array(z.object({ header: z.string(), known: z.boolean() })),
  rows: z.array(z.object({ row: z.number(), title: z.string(), errors: z.array(z.string()) })),
  valid: z.number(),
  invalid: z.number(),
});
/** Orders of search results; title sorts by pinyin. */
export const SEARCH_SORTS = ['relevance', 'date', 'identifier', 'title'] as const;
/** What search results can be counted and filtered by. */
export const SEARCH_FACETS = [
  'kind',
  'decade',
  'place',
  'person',
  'subject',
  'status',
  'collection',
] as const;

/** Search filters: chosen facet values; an item matches any value of a facet, and every facet given. */
const SearchFiltersSchema = z.partialRecord(z.enum(SEARCH_FACETS), z.array(z.string()));

/** A search kept under a name in the library, for everyone who opens it. */
export const SavedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  sort: z.enum(SEARCH_SORTS),
  filters: SearchFiltersSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
const SavedSearchName = z
  .string()
  .trim()
  .min(1, '请给这个检索起一个名称')
  .max(60, '检索名称不能超过 60 个字');

/** The fields whose names pickers offer as you type. */
export const VOCABULARY_FIELDS = ['people', 'places', 'subjects'] as const;
const VocabularyTermSchema = z.object({
  value: z.string(),
  /** Items that use it. */
  count: z.number(),
  /** Where a place sits in the gazetteer: 许昌市 › 禹州市 › 神垕镇. */
  path: z.array(z.string()).optional(),
  /** The former name it was found by (禹县 for 禹州市). */
  formerName: z.string().optional(),
  /** The role a person most often has. */
  role: z.string().optional(),
});

const PathReasonSchema = z.object({ path: z.string(), reason: z.string() });
const AddResultSchema = z.object({
  added: z.array(z.string()),
  skipped: z.array(PathReasonSchema),
  failed: z.array(PathReasonSchema),
  /** In a dry run: the items that would be created, with their files. */
  planned: z.array(z.object({ kind: ItemKindSchema, name: z.string(), files: z.array(z.string()) })),
  dryRun: z.boolean(),
  /** The import was cancelled; what is listed was done, and running it again finishes it. */
  cancelled: z.boolean(),
  counts: z.object({ files: z.number(), added: z.number(), skipped: z.number(), failed: z.number() }),
});

export const contract = {
  'library.info': op({
    summary: '资料库信息',
    access: 'read',
    input: z.object({}),
    output: z.object({
      name: z.string(),
      /** The library folder; left out for a read-only door (a reader elsewhere on the LAN). */
      root: z.string().optional(),
      formatVersion: z.number(),
      itemCount: z.number(),
      readOnly: z.boolean(),
      /** Why the library is read-only, for the banner. */
      readOnlyReason: z.string().optional(),
      settings: LibrarySettingsOutput,
    }),
  }),
  'library.loadDemo': op({
    summary: '导入示例资料',
    access: 'write',
    job: true,
    input: z.object({}),
    output: z.object({ added: z.number() }),
  }),
  'library.update': op({
    summary: '修改资料库名称与设置',
    access: 'write',
    input: z.object({
      name: z.string().trim().min(1, '资料库名称不能为空').max(100).optional(),
      settings: LibrarySettingsOutput.partial().optional(),
    }),
    output: z.object({ name: z.string(), settings: LibrarySettingsOutput }),
  }),
  'items.list': op({
    summary: '列出条目',
    access: 'read',
    input: z.object({
      kind: ItemKindSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100_000).default(1000),
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
  'items.bulkUpdate': op({
    summary: '批量修改',
    access: 'write',
    job: true,
    input: z.object({
      ids: z.array(Id).min(1, '请先选择条目'),
      set: ItemPatchSchema.pick({ editorialStatus: true, kind: true, witnessType: true }).optional(),
      /** Values added to list fields, keeping what each item has. */
      add: z
        .object({
          collections: z.array(z.string()),
          tags: z.array(z.string()),
          subjects: z.array(z.string()),
        })
        .partial()
        .optional(),
    }),
    output: z.object({ updated: z.number() }),
  }),
  'items.history': op({
    summary: '修改记录',
    access: 'read',
    input: z.object({ id: Id }),
    output: z.array(AuditEntrySchema),
  }),
  'items.undo': op({
    summary: '撤销一次修改',
    access: 'write',
    input: z.object({ entryId: z.string().min(1) }),
    output: ItemSchema,
  }),
  'vocabulary.get': op({
    summary: '词表（地名、主题词）',
    access: 'read',
    input: z.object({}),
    output: z.object({
      places: z.array(
        z.object({ name: z.string(), path: z.array(z.string()), formerName: z.string().optional() }),
      ),
      subjects: z.array(z.string()),
    }),
  }),
  'vocabulary.match': op({
    summary: '词表联想：资料库中用过的人名（含条目数）、地名、主题词；简繁、拼音与首字母皆可',
    access: 'read',
    input: z.object({
      field: z.enum(VOCABULARY_FIELDS),
      /** Empty: the most used. */
      query: z.string().max(100, '联想词太长'),
      limit: z.number().int().min(1).max(500).default(20),
    }),
    output: z.array(VocabularyTermSchema),
  }),
  'searches.list': op({
    summary: '已存检索',
    access: 'read',
    input: z.object({}),
    output: z.array(SavedSearchSchema),
  }),
  'searches.save': op({
    summary: '保存检索（检索词、筛选与排序）',
    access: 'write',
    input: z.object({
      name: SavedSearchName,
      query: z.string().trim().min(1, '检索词为空，没有可保存的检索').max(500, '检索词太长'),
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      filters: SearchFiltersSchema.default({}),
      /** A search of the same name takes the new query, instead of the save being refused. */
      replace: z.boolean().default(false),
    }),
    output: z.array(SavedSearchSchema),
  }),
  'searches.rename': op({
    summary: '重命名已存检索',
    access: 'write',
    input: z.object({ id: z.string().min(1), name: SavedSearchName }),
    output: z.array(SavedSearchSchema),
  }),
  'searches.delete': op({
    summary: '删除已存检索',
    access: 'write',
    input: z.object({ id: z.string().min(1) }),
    output: z.array(SavedSearchSchema),
  }),
  'items.add': op({
    summary: '导入文件或文件夹',
    access: 'local',
    job: true,
    input: z.object({
      paths: z.array(z.string().min(1)).min(1, '请指定要导入的文件或文件夹'),
      kind: ItemKindSchema.optional(),
      /** Also import subfolders, at any depth. */
      recursive: z.boolean().default(false),
      /** Check and report what would be imported; write nothing. */
      dryRun: z.boolean().default(false),
    }),
    output: AddResultSchema,
  }),
  'uploads.import': op({
    summary: '导入浏览器上传的文件',
    access: 'write',
    job: true,
    input: z.object({ batchId: z.string().regex(/^[a-z0-9-]{8,64}$/, '上传批次编号无效') }),
    output: AddResultSchema,
  }),
  'registers.preview': op({
    summary: '预览登记表（Excel/CSV）',
    access: 'local',
    input: z.object({ path: z.string().min(1) }),
    output: RegisterPreviewSchema,
  }),
  'registers.import': op({
    summary: '导入登记表（Excel/CSV）',
    access: 'local',
    job: true,
    input: z.object({ path: z.string().min(1), dryRun: z.boolean().default(false) }),
    output: RegisterPreviewSchema.extend({
      added: z.array(z.string()),
      skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
    }),
  }),
  'items.export': op({
    summary: '导出目录（CSV/JSON）',
    access: 'write',
    input: z.object({
      format: z.enum(['csv', 'json']),
      itemIds: z.array(Id).optional(),
      /** Desktop and CLI only; by default the library's exports/ folder. */
      output: z.string().min(1).optional(),
    }),
    output: z.object({ fileName: z.string(), path: z.string(), count: z.number() }),
  }),
  'items.cleanupDiff': op({
    summary: '对照原文与清理后的正文',
    access: 'read',
    input: z.object({ id: Id }),
    output: z.object({
      raw: z.string(),
      cleaned: z.string(),
      edits: z.array(z.object({ start: z.number(), removed: z.string(), reason: z.literal('pinyin') })),
      matchesCleanup: z.boolean(),
      mojibake: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
    }),
  }),
  'items.reviewSuggestion': op({
    summary: '接受或拒绝导入建议（拍摄信息、正文清理）',
    access: 'write',
    input: z.object({ id: Id, index: z.number().int().min(0), accept: z.boolean() }),
    output: ItemSchema,
  }),
  'search.query': op({
    summary: '全文检索',
    access: 'read',
    input: z.object({
      query: z.string().max(500, '检索词太长'),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      filters: SearchFiltersSchema.default({}),
      /** Count the values of each facet among the hits. */
      facets: z.boolean().default(false),
    }),
    output: z.object({
      total: z.number(),
      hits: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          kind: ItemKindSchema,
          identifier: z.string(),
          eventDate: z.string(),
          score: z.number(),
          snippet: z.string(),
          highlights: z.array(z.tuple([z.number(), z.number()])),
          /** Seconds into the recording where the matching transcript segment starts. */
          timecode: z.number().optional(),
        }),
      ),
      facets: z
        .record(z.enum(SEARCH_FACETS), z.array(z.object({ value: z.string(), count: z.number() })))
        .optional(),
      /** When nothing was found: queries that find something (other script, fewer terms). */
      suggestions: z.array(z.object({ query: z.string(), total: z.number() })).optional(),
    }),
  }),
  'search.status': op({
    summary: '检索索引状态',
    access: 'read',
    input: z.object({}),
    output: z.object({ ready: z.boolean(), items: z.number() }),
  }),
  'volumes.list': op({
    summary: '列出卷',
    access: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        subtitle: z.string(),
        series: z.string(),
        articles: z.number(),
        chars: z.number(),
        updatedAt: z.string(),
      }),
    ),
  }),
  'volumes.get': op({
    summary: '查看卷',
    access: 'read',
    input: z.object({ id: Id }),
    output: z.object({ volume: VolumeSchema, counts: VolumeCountsSchema }),
  }),
  'volumes.create': op({
    summary: '新建卷',
    access: 'write',
    input: VolumeFieldsSchema,
    output: VolumeSchema,
  }),
  'volumes.update': op({
    summary: '修改卷',
    access: 'write',
    input: z.object({ id: Id, fields: VolumeFieldsSchema }),
    output: VolumeSchema,
  }),
  'volumes.delete': op({
    summary: '删除卷',
    access: 'write',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'volumes.compile': op({
    summary: '编印 PDF',
    access: 'write',
    job: true,
    input: z.object({
      /** A saved volume; when absent, a volume of the items given (or all items, by creation). */
      volumeId: Id.optional(),
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
      figures: z.number(),
      characters: z.number(),
      missingGlyphs: z.array(z.object({ char: z.string(), articles: z.array(z.string()) })),
      missingImages: z.array(z.object({ file: z.string(), article: z.string() })),
      script: z.object({ mode: z.enum(['keep', 'simplified', 'traditional']), changed: z.number() }),
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
          kind: z.enum(['missing', 'altered', 'orphan', 'damaged', 'derivable', 'link']),
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
      etaSeconds?: number;
    }
  | { type: 'changed'; ids: string[] }
  /** The library's name or settings changed (saved searches among them). */
  | { type: 'library' };

/**
 * The desktop app's own requests, beside the operations: which library the window shows. A
 * library is chosen in a folder dialog, or from the recent list (main checks the folder is on it).
 */
export const LibraryChoiceSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open') }),
  z.object({ action: z.literal('create') }),
  z.object({ action: z.literal('recent'), root: z.string().min(1) }),
]);
export type LibraryChoice = z.infer<typeof LibraryChoiceSchema>;

/**
 * Commands with a shortcut (Ctrl or ⌘ and the key). The page answers the keys itself, in the
 * desktop app and in a browser alike; the desktop menu shows them and sends the same commands
 * when clicked. Each key is written here once for both.
 */
export const SHORTCUT_KEYS = {
  focusSearch: 'K',
  newItem: 'N',
  importFiles: 'I',
  openSettings: ',',
} as const;
export type ShortcutCommand = keyof typeof SHORTCUT_KEYS;

/** What the desktop menu asks the page to do. */
export type AppCommand =
  | { name: ShortcutCommand }
  /** Files chosen in the menu's native dialog (a page may open a file chooser only on a click or key). */
  | { name: 'importPaths'; paths: string[] }
  /** Asked of the page first, so that it can keep unsaved edits; the page then calls `switchLibrary`. */
  | { name: 'switchLibrary'; choice: LibraryChoice };

/** The desktop bridge: one method per operation, plus events and the desktop's own requests. */
export type WenshiBridge = {
  [K in OpName]: (args: OpInput<K>, meta?: CallMeta) => Promise<Result<OpOutput<K>>>;
} & DesktopBridge;

export interface DesktopBridge {
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The path of a dropped file (Electron no longer puts it on File objects). */
  pathForFile(file: File): string;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Shows the chosen library in the window (which then reloads); resolves when nothing changed. */
  switchLibrary(choice: LibraryChoice): Promise<void>;
}

/** The job id of the search index's rebuild progress events (op `search.status`). */
export const SEARCH_INDEX_JOB = 'search-index';
export const IPC_INVOKE_CHANNEL = 'wenshi:invoke';
export const IPC_EVENT_CHANNEL = 'wenshi:event';
export const IPC_COMMAND_CHANNEL = 'wenshi:command';
export const IPC_LIBRARY_CHANNEL = 'wenshi:switch-library';
/** The HTTP door: POST `${HTTP_API_PREFIX}<op>`, events at `${HTTP_API_PREFIX}events`. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EXPORTS_PREFIX = '/exports/';
/** Library files by content hash: `${HTTP_FILES_PREFIX}<sha256>` (`?size=thumb` for a thumbnail). */
export const HTTP_FILES_PREFIX = '/files/';
/** Browser mode sends dropped files with PUT `${HTTP_UPLOADS_PREFIX}<batch>/<relative path>`, then calls `uploads.import`. */
export const HTTP_UPLOADS_PREFIX = '/uploads/';
export const HTTP_TOKEN_COOKIE = 'wenshi_token';

// The data shapes the doors exchange, for the renderer (which imports nothing else from electron/).
export {
  ITEM_KINDS,
  PERSON_ROLES,
  PERSON_ROLE_NAMES,
  PAGE_BREAK,
  WITNESS_TYPES,
  EDITORIAL_STATUSES,
  ACCESS_LEVELS,
  parseFuzzyDate,
  formatFuzzyDate,
  dateRange,
  PAGE_SIZE_NAMES,
  SCRIPT_MODES,
} from '../core/model';
export type {
  Item,
  ItemKind,
  ItemFields,
  ItemFieldsInput,
  ItemPatchInput,
  Person,
  PersonRole,
  Region,
  EditorialStatus,
  Volume,
  VolumeFieldsInput,
  VolumeCounts,
  Section,
  ArticleEntry,
  FigureEntry,
  PageSettings,
} from '../core/model';
