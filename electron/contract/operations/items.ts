// Operations on catalogue items: list, read, edit, import, export, review.
import { z } from 'zod';
import {
  ItemFieldsSchema,
  ItemKindSchema,
  ItemPatchSchema,
  ItemSchema,
  LIST_SORTS,
  MojibakeRunSchema,
  PersonSchema,
  RelationRoleSchema,
  SEARCH_FACETS,
} from '../../core/model';
import { OcrRunOutput } from './ocr';
import { oneSource, op, Id, UploadRefSchema } from './op';

const DuplicateHeadSchema = z.object({ id: Id, identifier: z.string(), title: z.string() });
const DiffLineSchema = z.object({ line: z.number(), text: z.string() });

/** The filters of a list: facet values, and the views' own (awaiting review, created since, under a collection). */
const ListFiltersSchema = z
  .object({
    kind: z.array(z.string()),
    decade: z.array(z.string()),
    place: z.array(z.string()),
    person: z.array(z.string()),
    subject: z.array(z.string()),
    status: z.array(z.string()),
    collection: z.array(z.string()),
    createdSince: z.string().datetime(),
    pendingReview: z.boolean(),
    collectionPath: z.array(z.string()).max(10),
  })
  .partial();

const FacetCountsSchema = z.partialRecord(
  z.enum(SEARCH_FACETS),
  z.array(z.object({ value: z.string(), count: z.number() })),
);

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
  undoField: z.string().optional(),
});

const RegisterPreviewSchema = z.object({
  /** Each header of the sheet and the column it was read as (its first name), when known. */
  columns: z.array(z.object({ header: z.string(), known: z.boolean(), field: z.string().optional() })),
  rows: z.array(z.object({ row: z.number(), title: z.string(), errors: z.array(z.string()) })),
  valid: z.number(),
  invalid: z.number(),
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

/** An import's report, with what 识别文字 read when it was asked for. */
const ImportResultSchema = AddResultSchema.extend({ ocr: OcrRunOutput.optional() });

export const itemsOperations = {
  'items.list': op({
    summary: '列出条目',
    access: 'read',
    input: z.object({
      kind: ItemKindSchema.optional(),
      /** What the list's views narrow by, beside the search facets (answered by the search index). */
      filters: ListFiltersSchema.default({}),
      /** Newest first by default. */
      sort: z.enum(LIST_SORTS).default('created'),
      descending: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100_000).default(1000),
      /** Count the values of each facet among all the items listed, not only the page. */
      facets: z.boolean().default(false),
    }),
    output: z.object({
      total: z.number(),
      items: z.array(ItemSummarySchema),
      facets: FacetCountsSchema.optional(),
    }),
  }),
  'items.overview': op({
    summary: '资料概览（各类数量与专题）',
    access: 'read',
    input: z.object({
      /** Where the 最近导入 view starts; the page sends the same instant it lists that view with. */
      createdSince: z.string().datetime(),
    }),
    output: z.object({
      /** Items in the library, of each kind, in review, created since, awaiting review. */
      counts: z.object({
        all: z.number(),
        oral: z.number(),
        photo: z.number(),
        document: z.number(),
        review: z.number(),
        recent: z.number(),
        pending: z.number(),
      }),
      /** Every collection and each level above it (许昌改革记忆, 许昌改革记忆 › 第一卷), with the items in or under it. */
      collections: z.array(z.object({ path: z.array(z.string()), count: z.number() })),
    }),
  }),
  'items.get': op({
    summary: '查看条目',
    access: 'read',
    input: z.object({ id: Id }),
    output: ItemSchema,
  }),
  'items.summaries': op({
    summary: '按编号取条目摘要（卷册中文章的题名等）',
    access: 'read',
    input: z.object({ ids: z.array(Id).max(5000, '一次最多取 5000 个条目') }),
    /** In the order asked; an id no longer in the library is left out. */
    output: z.array(ItemSummarySchema),
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
      /** Any form field by path (`provenance.collector`, `custom.<key>`), set to one value on every item. */
      setFields: z
        .array(
          z.object({
            path: z.string().regex(/^[A-Za-z]+(\.[A-Za-z0-9_-]+)?$/, '字段名无效'),
            value: z.unknown(),
          }),
        )
        .max(50)
        .optional(),
      /** Values added to list fields, keeping what each item has. */
      add: z
        .object({
          collections: z.array(z.string()),
          tags: z.array(z.string()),
          subjects: z.array(z.string()),
          places: z.array(z.string()),
          organizations: z.array(z.string()),
          keywords: z.array(z.string()),
          people: z.array(PersonSchema),
        })
        .partial()
        .optional(),
    }),
    output: z.object({ updated: z.number() }),
  }),
  'items.relate': op({
    summary: '关联条目（双向）或取消关联',
    access: 'write',
    input: z.object({
      id: Id,
      /** The item to link to `id`: the link is made (or taken away) on both. */
      other: Id,
      /** What the link is (授权书, 照片 …); a link made again takes the new role, or keeps its own. */
      role: RelationRoleSchema.optional(),
      unlink: z.boolean().default(false),
    }),
    output: ItemSchema,
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
    input: z.object({
      entryId: z.string().min(1),
      /** Only this field of the change (a row of the entry); the whole change when absent. */
      field: z.string().min(1).optional(),
    }),
    output: ItemSchema,
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
      /** 识别文字: read the text of the page images imported, once they are in. */
      ocr: z.boolean().default(false),
    }),
    output: ImportResultSchema,
  }),
  'uploads.import': op({
    summary: '导入浏览器上传的文件',
    access: 'write',
    job: true,
    input: z.object({
      batchId: z.string().regex(/^[a-z0-9-]{8,64}$/, '上传批次编号无效'),
      /** 识别文字: as for items.add. */
      ocr: z.boolean().default(false),
    }),
    output: ImportResultSchema,
  }),
  'registers.preview': op({
    summary: '预览登记表（Excel/CSV）',
    access: 'write',
    input: z
      .object({ path: z.string().min(1).optional(), upload: UploadRefSchema.optional() })
      .refine(...oneSource('path', '请指定登记表文件')),
    output: RegisterPreviewSchema,
  }),
  'registers.import': op({
    summary: '导入登记表（Excel/CSV）',
    access: 'write',
    job: true,
    input: z
      .object({
        path: z.string().min(1).optional(),
        upload: UploadRefSchema.optional(),
        dryRun: z.boolean().default(false),
      })
      .refine(...oneSource('path', '请指定登记表文件')),
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
      /** Typesetting cleanups the current text would take (none applied), in current-text offsets. */
      typeset: z.array(
        z.object({
          start: z.number(),
          removed: z.string(),
          inserted: z.string(),
          reason: z.enum(['punctuation', 'quotes', 'linebreaks']),
        }),
      ),
    }),
  }),
  'items.offerTypeset': op({
    summary: '排版清理：为当前正文提出标点、引号、断行的清理建议（接受后才改动）',
    access: 'write',
    input: z.object({ id: Id }),
    output: ItemSchema,
  }),
  'items.findDuplicates': op({
    summary: '全库查重：把库中已有的重复条目列入「待复核」的「可能重复」',
    access: 'write',
    job: true,
    input: z.object({}),
    output: z.object({ checked: z.number(), flagged: z.number() }),
  }),
  'items.compareDuplicate': op({
    summary: '「可能重复」：两条目的正文逐行对照',
    access: 'read',
    input: z.object({ id: Id, index: z.number().int().min(0) }),
    output: z.object({
      item: DuplicateHeadSchema,
      other: DuplicateHeadSchema,
      similarity: z.number(),
      exact: z.boolean(),
      identical: z.boolean(),
      /** The earlier item's lines on the left, the flagged item's on the right; same runs left out. */
      rows: z.array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('same'), left: z.number(), right: z.number(), text: z.string() }),
          z.object({
            type: z.literal('changed'),
            left: DiffLineSchema.optional(),
            right: DiffLineSchema.optional(),
          }),
          z.object({ type: z.literal('skipped'), count: z.number() }),
        ]),
      ),
      more: z.number(),
    }),
  }),
  'items.reviewSuggestion': op({
    summary: '接受或拒绝导入建议（拍摄信息、正文清理；「可能重复」接受即合并，返回保留的条目）',
    access: 'write',
    input: z.object({ id: Id, index: z.number().int().min(0), accept: z.boolean() }),
    output: ItemSchema,
  }),
  'items.resolveGarbled': op({
    summary: '复核一处乱码：已核实（原文无误）、忽略，或就地改正',
    access: 'write',
    input: z.object({
      id: Id,
      /** The flag as the person saw it (item.mojibake): refused if the text has moved since. */
      run: MojibakeRunSchema,
      resolution: z.discriminatedUnion('action', [
        z.object({ action: z.enum(['verified', 'ignored']) }),
        z.object({ action: z.literal('fix'), replacement: z.string().max(10_000) }),
      ]),
    }),
    output: ItemSchema,
  }),
};
