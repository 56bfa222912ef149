// Operations on the library as a whole: its name and settings, the demo, verification, backup, merge.
import { z } from 'zod';
import { DatePeriodSchema, dateRange } from '../../core/model';
import { op } from './op';

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
};
