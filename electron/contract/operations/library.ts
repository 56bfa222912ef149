// Operations on the library as a whole: its name and settings, the demo, verification, backup, merge.
import { z } from 'zod';
import { DatePeriodSchema, dateRange, FormSettingsChangeSchema, FormSettingsSchema } from '../../core/model';
import { oneSource, op, UploadRefSchema } from './op';

const PROBLEM_KINDS = [
  'missing',
  'altered',
  'orphan',
  'damaged',
  'derivable',
  'link',
  'temp',
  'quarantined',
  'lost',
  'ocr',
] as const;

const ProblemOutput = z.object({
  kind: z.enum(PROBLEM_KINDS),
  path: z.string(),
  itemIds: z.array(z.string()),
  message: z.string(),
});

const LibrarySettingsOutput = z.object({
  identifierPattern: z
    .string()
    .trim()
    .min(1)
    .refine((p) => p.includes('{seq'), '档号规则须包含流水号 {seq}，如 XCGG-{year}-{seq:4}'),
  subjects: z.array(z.string().trim().min(1)),
  extraPlaces: z.array(z.string().trim().min(1)),
  /** Named periods (清末, 文革期间) and the EDTF ranges dates written with them are read as. */
  datePeriods: z.array(
    DatePeriodSchema.refine((period) => dateRange(period.edtf) !== null, {
      message: '时期的起止无法识别，请写作 1966-05/1976-10 这样的形式',
      path: ['edtf'],
    }),
  ),
  /** 著录模板: hidden and required fields, the library's own fields. */
  form: FormSettingsSchema,
  /** Quotation marks the typesetting cleanup puts: “”‘’ (curly) or 「」『』 (corner). */
  quoteStyle: z.enum(['corner', 'curly']),
});

export const libraryOperations = {
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
      /** What a person should know about this opening (a damaged catalog file set aside), as sentences. */
      notices: z.array(z.string()).optional(),
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
      settings: LibrarySettingsOutput.extend({ form: FormSettingsChangeSchema }).partial().optional(),
    }),
    output: z.object({ name: z.string(), settings: LibrarySettingsOutput }),
  }),
  'library.verify': op({
    summary: '校验资料库（重新计算原件校验值，核对目录与文件）',
    access: 'write',
    job: true,
    input: z.object({ repair: z.boolean().default(false) }),
    output: z.object({
      verifiedAt: z.string(),
      checkedFiles: z.number(),
      problems: z.array(ProblemOutput),
      repaired: z.array(z.string()),
      /** When the next scheduled verification is due; null when scheduling is off. */
      nextDue: z.string().nullable(),
    }),
  }),
  'library.doctor': op({
    summary: '检查资料库并写出可交给技术人员的报告：哪里有问题，--repair 会做什么、不能做什么',
    // The report names the folder and the computer: for the desktop and the command line only.
    access: 'local',
    job: true,
    input: z.object({}),
    output: z.object({
      library: z.object({
        name: z.string(),
        root: z.string(),
        items: z.number(),
        formatVersion: z.number(),
        readOnly: z.boolean(),
      }),
      system: z.object({ platform: z.string(), node: z.string(), freeBytes: z.number().nullable() }),
      checkedAt: z.string(),
      checkedFiles: z.number(),
      healthy: z.boolean(),
      repairable: z.number(),
      manual: z.number(),
      notices: z.array(z.string()),
      sections: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          meaning: z.string(),
          repair: z.string().nullable(),
          manual: z.string().nullable(),
          count: z.number(),
          problems: z.array(ProblemOutput),
        }),
      ),
      text: z.string(),
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
  'library.restore': op({
    summary: '从备份包恢复资料库（到一个新的文件夹）',
    access: 'write',
    job: true,
    /**
     * The desktop app and the CLI name the bag folder and an empty target folder; browser mode
     * uploads a backup zip, restored into a new folder beside this library's.
     */
    input: z
      .object({
        bag: z.string().min(1).optional(),
        target: z.string().min(1).optional(),
        upload: UploadRefSchema.optional(),
      })
      .refine(...oneSource('bag', '请指定备份包'))
      .refine(
        (v) => (v.bag === undefined) === (v.target === undefined),
        '请同时指定备份包和恢复到的空文件夹',
      ),
    output: z.object({ root: z.string(), name: z.string(), files: z.number(), items: z.number() }),
  }),
  'library.merge': op({
    summary: '导入其他征集员的资料包（按编号和内容合并）',
    access: 'write',
    job: true,
    /** A bag folder (desktop, CLI) or an uploaded backup zip (browser mode). */
    input: z
      .object({ bag: z.string().min(1).optional(), upload: UploadRefSchema.optional() })
      .refine(...oneSource('bag', '请指定资料包')),
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
      /** Links between items (相关条目) the package brought, both ends here. */
      linked: z.number(),
      reportPath: z.string().nullable(),
    }),
  }),
};
