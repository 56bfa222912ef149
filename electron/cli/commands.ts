import type { ParseArgsConfig } from 'node:util';
import {
  contract,
  ITEM_KINDS,
  SEARCH_FACETS,
  SEARCH_SORTS,
  type ItemKind,
  type Person,
  type OpInput,
  type OpName,
  type OpOutput,
} from '../contract';

type Values = Record<string, string | boolean | string[] | undefined>;

/** A CLI command that calls one contract operation: how its words become the operation's arguments, and how its result reads. */
export interface OpCommand<K extends OpName> {
  op: K;
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Positionals after the library folder. */
  toArgs(positionals: string[], values: Values): OpInput<K>;
  print(result: OpOutput<K>): string;
  /** Exit code for a result that came back but is not a full success. */
  exitCode?(result: OpOutput<K>): number;
}

function opCommand<K extends OpName>(command: OpCommand<K>): OpCommand<K> {
  return command;
}

export class UsageError extends Error {}

const KIND_LABEL: Record<ItemKind, string> = { oral: '口述', photo: '照片', document: '文献' };

function parseKind(value: unknown): ItemKind | undefined {
  if (value === undefined) return undefined;
  const byLabel = Object.entries(KIND_LABEL).find(([, label]) => label === value)?.[0];
  const kind = (byLabel ?? value) as ItemKind;
  if (!ITEM_KINDS.includes(kind))
    throw new UsageError(`--kind 应为 oral/photo/document（口述/照片/文献），而不是 ${String(value)}`);
  return kind;
}

/** `--garbled`: what compile does with 乱码 left in an article. */
function parseGarbled(value: unknown): 'stop' | 'asIs' | 'mark' {
  const mode = String(value);
  if (mode === 'stop' || mode === 'mark' || mode === 'asIs') return mode;
  if (mode === 'asis' || mode === 'as-is') return 'asIs';
  throw new UsageError(`--garbled 应为 stop、mark 或 asIs（停止 / 以□标出 / 照原样），而不是 ${mode}`);
}

/** `people=张三:口述人,李四:整理人` */
function parsePeople(value: string): Person[] {
  return value
    .split(/[,，]/)
    .filter(Boolean)
    .map((entry) => {
      const [name, role] = entry.split(/[:：]/);
      return { name: (name ?? '').trim(), role: (role ?? '').trim() };
    });
}

const TEXT_FIELDS = [
  'identifier',
  'title',
  'subtitle',
  'abstract',
  'eventDate',
  'createdDate',
  'text',
  'notes',
  'witnessType',
  'editorialStatus',
];
/** Lists are written comma-separated: places=许昌市,禹州市 */
const LIST_FIELDS = ['places', 'organizations', 'subjects', 'keywords', 'collections', 'tags'];
const EDITABLE_FIELDS = ['kind', 'people', ...TEXT_FIELDS, ...LIST_FIELDS];

function parseSet(assignments: string[]): OpInput<'items.update'>['patch'] {
  // Values are checked by the contract's schema; here they only take their shape.
  const patch: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set 应写成 字段=值，而不是 ${assignment}`);
    const field = assignment.slice(0, eq);
    const value = assignment.slice(eq + 1);
    if (!EDITABLE_FIELDS.includes(field))
      throw new UsageError(`不能修改字段 ${field}；可修改：${EDITABLE_FIELDS.join('、')}`);
    if (field === 'people') patch[field] = parsePeople(value);
    else if (field === 'kind') patch[field] = parseKind(value);
    else if (LIST_FIELDS.includes(field))
      patch[field] = value
        .split(/[,，、]/)
        .map((v) => v.trim())
        .filter(Boolean);
    else patch[field] = value;
  }
  if (Object.keys(patch).length === 0) throw new UsageError('请用 --set 字段=值 指定要修改的内容');
  return patch;
}

function need(positionals: string[], count: number, what: string): void {
  if (positionals.length < count) throw new UsageError(`缺少${what}`);
}

export const opCommands = {
  add: opCommand({
    op: 'items.add',
    usage:
      'add <资料库> <文件或文件夹…> [--kind oral|photo|document] [--recursive] [--dry-run]\n  add <资料库> --register <登记表.xlsx|.csv> [--dry-run]',
    options: {
      kind: { type: 'string' },
      // With --register, add imports a register spreadsheet: see the register command.
      register: { type: 'string' },
      recursive: { type: 'boolean', short: 'r' },
      'dry-run': { type: 'boolean' },
    },
    toArgs: (positionals, values) => {
      need(positionals, 1, '要导入的文件或文件夹');
      return {
        paths: positionals,
        kind: parseKind(values.kind),
        recursive: values.recursive === true,
        dryRun: values['dry-run'] === true,
      };
    },
    print: (r) =>
      [
        r.dryRun
          ? `试运行：将导入 ${r.planned.length} 个条目（${r.planned.reduce((n, p) => n + p.files.length, 0)} 个文件），跳过 ${r.skipped.length} 个，失败 ${r.failed.length} 个；未写入任何内容`
          : `已导入 ${r.added.length} 个条目，跳过 ${r.skipped.length} 个文件，失败 ${r.failed.length} 个文件（共检查 ${r.counts.files} 个文件）`,
        r.cancelled ? '导入已取消：已完成的部分已保存，再次运行同一命令即可继续。' : '',
        ...r.planned.map((p) => `  ${KIND_LABEL[p.kind]} ${p.name}：${p.files.join('、')}`),
        ...r.skipped.map((s) => `  跳过 ${s.path}：${s.reason}`),
        ...r.failed.map((f) => `  失败 ${f.path}：${f.reason}`),
      ]
        .filter(Boolean)
        .join('\n'),
    exitCode: (r) => (r.failed.length > 0 ? 1 : 0),
  }),
  register: opCommand({
    op: 'registers.import',
    usage: 'register <资料库> <登记表.xlsx|.csv> [--dry-run]',
    options: { 'dry-run': { type: 'boolean' } },
    toArgs: (positionals, values) => {
      need(positionals, 1, '登记表文件');
      return { path: positionals[0]!, dryRun: values['dry-run'] === true };
    },
    print: (r) =>
      [
        `登记表共 ${r.valid + r.invalid} 行：有效 ${r.valid} 行，有误 ${r.invalid} 行（有误的行不导入）`,
        ...r.columns.filter((c) => !c.known).map((c) => `  未识别的列「${c.header}」已忽略`),
        ...r.rows.flatMap((row) => row.errors.map((e) => `  第 ${row.row} 行「${row.title}」${e}`)),
        `已导入 ${r.added.length} 条` + (r.skipped.length ? `，跳过 ${r.skipped.length} 条` : ''),
        ...r.skipped.map((s) => `  第 ${s.row} 行：${s.reason}`),
      ].join('\n'),
    exitCode: (r) => (r.invalid > 0 ? 1 : 0),
  }),
  export: opCommand({
    op: 'items.export',
    usage: 'export <资料库> --csv|--json [-o 文件] [--items 编号,编号…]',
    options: {
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      items: { type: 'string' },
    },
    toArgs: (_positionals, values) => {
      if (values.csv === values.json) throw new UsageError('请指定 --csv 或 --json 之一');
      return {
        format: values.csv ? 'csv' : 'json',
        output: values.output as string | undefined,
        itemIds: typeof values.items === 'string' ? values.items.split(/[,，]/).filter(Boolean) : undefined,
      };
    },
    print: (r) => `已导出 ${r.count} 条到 ${r.path}`,
  }),
  list: opCommand({
    op: 'items.list',
    usage: 'list <资料库> [--kind oral|photo|document]',
    options: { kind: { type: 'string' } },
    toArgs: (_positionals, values) => ({ kind: parseKind(values.kind), limit: 10000 }),
    print: (r) =>
      r.items.map((item) => `${item.id}  ${KIND_LABEL[item.kind]}  ${item.title}`).join('\n') ||
      '（资料库中还没有条目）',
  }),
  show: opCommand({
    op: 'items.get',
    usage: 'show <资料库> <条目编号>',
    toArgs: (positionals) => {
      need(positionals, 1, '条目编号');
      return { id: positionals[0]! };
    },
    print: (item) =>
      [
        `编号：${item.id}`,
        `类型：${KIND_LABEL[item.kind]}`,
        `题名：${item.title}`,
        item.people.length
          ? `人物：${item.people.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join('、')}`
          : '',
        item.identifier ? `档号：${item.identifier}` : '',
        item.eventDate.text ? `时间：${item.eventDate.text}` : '',
        item.places.length ? `地点：${item.places.join('、')}` : '',
        item.subjects.length ? `主题：${item.subjects.join('、')}` : '',
        item.abstract ? `内容提要：${item.abstract}` : '',
        item.files.length
          ? `文件：${item.files.map((f) => f.name + (f.encoding ? `（${f.encoding}）` : '')).join('、')}`
          : '',
        // An item stored before links existed has no list.
        item.related?.length
          ? `相关：${item.related.map((r) => (r.role ? `${r.id}（${r.role}）` : r.id)).join('、')}`
          : '',
        item.text ? `\n${item.text}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
  }),
  edit: opCommand({
    op: 'items.update',
    usage: 'edit <资料库> <条目编号> --set 字段=值 [--set 字段=值 …]   (people=张三:口述人,李四:整理人)',
    options: { set: { type: 'string', multiple: true } },
    toArgs: (positionals, values) => {
      need(positionals, 1, '条目编号');
      return { id: positionals[0]!, patch: parseSet((values.set as string[] | undefined) ?? []) };
    },
    print: (item) => `已修改：${item.id}  ${item.title}`,
  }),
  link: opCommand({
    op: 'items.relate',
    usage: 'link <资料库> <条目编号> <另一条目编号> [--role 授权书] [--unlink]   （双向关联；--unlink 取消）',
    options: { role: { type: 'string' }, unlink: { type: 'boolean' } },
    toArgs: (positionals, values) => {
      need(positionals, 2, '两个条目编号');
      const role = values.role as string | undefined;
      return { id: positionals[0]!, other: positionals[1]!, unlink: values.unlink === true, ...(role && { role }) };
    },
    print: (item) =>
      `${item.id}「${item.title}」的相关条目：${item.related.map((r) => (r.role ? `${r.id}（${r.role}）` : r.id)).join('、') || '（无）'}`,
  }),
  search: opCommand({
    op: 'search.query',
    usage:
      'search <资料库> <检索词…> [--limit N] [--sort relevance|date|identifier|title] [--filter 分面=值 …]',
    options: {
      limit: { type: 'string' },
      sort: { type: 'string' },
      filter: { type: 'string', multiple: true },
    },
    toArgs: (positionals, values) => {
      need(positionals, 1, '检索词');
      const sort = (values.sort as string | undefined) ?? 'relevance';
      if (!(SEARCH_SORTS as readonly string[]).includes(sort))
        throw new UsageError(`--sort 应为 ${SEARCH_SORTS.join('/')}，而不是 ${sort}`);
      const filters: Partial<Record<(typeof SEARCH_FACETS)[number], string[]>> = {};
      for (const entry of (values.filter as string[] | undefined) ?? []) {
        const [facet, value] = entry.split('=');
        if (!value || !(SEARCH_FACETS as readonly string[]).includes(facet!))
          throw new UsageError(
            `--filter 应写成 分面=值（分面：${SEARCH_FACETS.join('、')}），而不是 ${entry}`,
          );
        const key = facet as (typeof SEARCH_FACETS)[number];
        filters[key] = [...(filters[key] ?? []), value];
      }
      return {
        query: positionals.join(' '),
        limit: values.limit ? Number(values.limit) : 50,
        sort: sort as (typeof SEARCH_SORTS)[number],
        filters,
      };
    },
    print: (r) =>
      [
        `共 ${r.total} 条`,
        ...r.hits.map(
          (h) =>
            `${h.id}  ${KIND_LABEL[h.kind]}  ${h.title}` +
            (h.timecode !== undefined ? `  （录音 ${h.timecode} 秒处）` : '') +
            `\n    ${h.snippet}`,
        ),
        ...(r.suggestions?.length
          ? [`试试：${r.suggestions.map((s) => `${s.query}（${s.total} 条）`).join('、')}`]
          : []),
      ].join('\n'),
  }),
  compile: opCommand({
    op: 'volumes.compile',
    usage:
      'compile <资料库> -o <输出.pdf> [--volume 卷编号 | --items 编号,编号… [--title 书名]] [--pdfx [--crop-marks]] [--garbled=stop|mark|asIs]',
    options: {
      output: { type: 'string', short: 'o' },
      garbled: { type: 'string' },
      items: { type: 'string' },
      title: { type: 'string' },
      volume: { type: 'string' },
      pdfx: { type: 'boolean' },
      'crop-marks': { type: 'boolean' },
    },
    toArgs: (_positionals, values) => ({
      ...(values.garbled !== undefined && { garbled: parseGarbled(values.garbled) }),
      ...(values.pdfx === true && { pdfx: true }),
      ...(values['crop-marks'] === true && { cropMarks: true }),
      output: values.output as string | undefined,
      title: values.title as string | undefined,
      volumeId: values.volume as string | undefined,
      itemIds: typeof values.items === 'string' ? values.items.split(/[,，]/).filter(Boolean) : undefined,
    }),
    print: (r) =>
      [
        `已生成 ${r.path}（${r.pages} 页，${r.articles} 篇，${r.figures} 幅图，${r.characters} 字，${(r.bytes / 1024).toFixed(0)} KB）`,
        ...(r.script.mode === 'keep'
          ? []
          : [`  已转换为${r.script.mode === 'simplified' ? '简体' : '繁体'}：${r.script.changed} 字`]),
        ...r.missingGlyphs.map((m) => `  字体缺字「${m.char}」：${m.articles.join('、')}`),
        ...r.missingImages.map((m) => `  图片无法读取：${m.file}（${m.article}）`),
        ...r.garbled.map((g) => `  仍有乱码：《${g.title}》（${g.runs.join('、')}）`),
      ].join('\n'),
  }),
  'proof-export': opCommand({
    op: 'volumes.exportDocx',
    usage: 'proof-export <资料库> [-o <校样.docx>] [--volume 卷编号 | --items 编号,编号… [--title 书名]]',
    options: {
      output: { type: 'string', short: 'o' },
      items: { type: 'string' },
      title: { type: 'string' },
      volume: { type: 'string' },
    },
    toArgs: (_positionals, values) => ({
      output: values.output as string | undefined,
      title: values.title as string | undefined,
      volumeId: values.volume as string | undefined,
      itemIds: typeof values.items === 'string' ? values.items.split(/[,，]/).filter(Boolean) : undefined,
    }),
    print: (r) => `已导出 Word 校样 ${r.path}（${r.articles} 篇）`,
  }),
  'proof-diff': opCommand({
    op: 'items.proofDiff',
    usage: 'proof-diff <资料库> <已校.docx>',
    toArgs: ([file]) => {
      if (!file) throw new UsageError('请指定读回的 Word 校样（.docx）');
      return { path: file };
    },
    print: (r) =>
      r.articles
        .flatMap((a) => [
          `${a.itemId}  ${a.title}：${a.changes.length} 处修改`,
          ...a.changes.map(
            (c) => `  第 ${c.paragraph + 1} 段\n    - ${c.before}\n    + ${c.after || '（整段删除）'}`,
          ),
        ])
        .join('\n') || '（没有修改）',
  }),
  volumes: opCommand({
    op: 'volumes.list',
    usage: 'volumes <资料库>',
    toArgs: () => ({}),
    print: (list) =>
      list.map((v) => `${v.id}  《${v.title}》  ${v.articles} 篇  ${v.chars} 字`).join('\n') ||
      '（还没有卷）',
  }),
  verify: opCommand({
    op: 'library.verify',
    usage: 'verify <资料库> [--repair]   （发现问题时以状态 1 退出）',
    options: { repair: { type: 'boolean' } },
    toArgs: (_positionals, values) => ({ repair: values.repair === true }),
    print: (r) =>
      [
        ...r.repaired.map((p) => `已重建：${p}`),
        ...r.problems.map((p) => p.message + (p.itemIds.length ? `（条目 ${p.itemIds.join('、')}）` : '')),
        r.problems.length === 0
          ? `校验通过：${r.checkedFiles} 个原件完好`
          : `校验发现 ${r.problems.length} 处问题（共核对 ${r.checkedFiles} 个原件）`,
      ].join('\n'),
    exitCode: (r) => (r.problems.length > 0 ? 1 : 0),
  }),
  duplicates: opCommand({
    op: 'items.findDuplicates',
    usage: 'duplicates <资料库>   （全库查重：内容相同或相近的条目列入「待复核」的「可能重复」）',
    toArgs: () => ({}),
    print: (r) =>
      r.flagged === 0
        ? `查重完毕：共 ${r.checked} 条，没有新的可能重复`
        : `查重完毕：共 ${r.checked} 条，${r.flagged} 条可能重复，已列入「待复核」`,
  }),
  doctor: opCommand({
    op: 'library.doctor',
    usage: 'doctor <资料库>   （检查报告，可交给技术人员；发现问题时以状态 1 退出）',
    toArgs: () => ({}),
    print: (r) => r.text,
    exitCode: (r) => (r.healthy ? 0 : 1),
  }),
  backup: opCommand({
    op: 'library.backup',
    usage: 'backup <资料库> <备份文件夹>   （BagIt 包）',
    toArgs: (positionals) => {
      need(positionals, 1, '备份文件夹');
      return { output: positionals[0]! };
    },
    print: (r) =>
      `已备份到 ${r.path}：${r.itemCount} 个条目，${r.originals} 个原件，共 ${r.payloadFiles} 个文件（${(r.payloadBytes / 1024 / 1024).toFixed(1)} MB）`,
  }),
  merge: opCommand({
    op: 'library.merge',
    usage: 'merge <资料库> <资料包>   （导入其他征集员的备份包；有冲突时以状态 1 退出）',
    toArgs: (positionals) => {
      need(positionals, 1, '资料包文件夹');
      return { bag: positionals[0]! };
    },
    print: (r) =>
      [
        `新增 ${r.added.length} 个条目（复制原件 ${r.filesCopied} 个），相同 ${r.identical.length} 个，冲突 ${r.conflicts.length} 处，失败 ${r.failed.length} 个` +
          (r.linked ? `；新建关联 ${r.linked} 处` : ''),
        ...r.conflicts.map(
          (c) =>
            `  冲突 ${c.itemId}「${c.title}」字段 ${c.field}：本库 ${JSON.stringify(c.ours)}，对方 ${JSON.stringify(c.theirs)}`,
        ),
        ...r.failed.map((f) => `  失败 ${f.itemId}：${f.reason}`),
        r.reportPath ? `报告已保存：${r.reportPath}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    exitCode: (r) => (r.conflicts.length + r.failed.length > 0 ? 1 : 0),
  }),
};

export type OpCommandName = keyof typeof opCommands;

export function summaryOf(name: OpCommandName): string {
  return contract[opCommands[name].op].summary;
}
