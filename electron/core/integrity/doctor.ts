import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { Library } from '../library';
import type { JobContext } from '../jobs';
import { verifyLibrary, type IntegrityProblem, type ProblemKind } from './verifyLibrary';

/** What a kind of problem means, what `verify --repair` does about it, and what is left to a person. */
interface Advice {
  title: string;
  meaning: string;
  /** What `--repair` does; null when it cannot help. */
  repair: string | null;
  /** What a person (the office's IT person) has to do; null when nothing. */
  manual: string | null;
}

type SectionKey = ProblemKind | 'orphan-derived' | 'link-derived';

const ADVICE: Record<SectionKey, Advice> = {
  missing: {
    title: '原件缺失',
    meaning: '目录记录了这些原件，但资料库文件夹里找不到它们。',
    repair: null,
    manual:
      '程序不能凭空恢复原件。请从备份（wenshi restore 的备份包或 U 盘上的副本）找回同名文件放回所列位置；文件名就是它的 SHA-256 校验值，放回后再运行 wenshi verify 核对。',
  },
  altered: {
    title: '原件内容已改变',
    meaning: '这些原件的 SHA-256 校验值与导入时记录的不符：文件被改动或已损坏（磁盘、U 盘故障）。',
    repair: null,
    manual:
      '程序从不改写原件，也不能还原它们。请从备份找回原来的文件覆盖所列位置；若磁盘有故障，请先检查磁盘。',
  },
  orphan: {
    title: '没有条目引用的原件',
    meaning: 'files/ 中有目录未记录的文件（例如导入中断、或有人手工放入）。',
    repair: null,
    manual: '程序从不删除原件。确认无用后可手工删除；需要保留的请用「导入」重新加入资料库。',
  },
  'orphan-derived': {
    title: '多余的缩略图或预览图',
    meaning: 'derived/ 中有没有图片使用的缩略图或预览图（多为导入失败后留下）。',
    repair: '删除这些文件（它们随时可以重建）。',
    manual: null,
  },
  derivable: {
    title: '缩略图或预览图缺失',
    meaning: '照片的缩略图或预览图不在 derived/ 中，照片墙和预览会显示空白。',
    repair: '用原件重新生成缩略图和预览图（原件缺失或无法读取的除外，届时会继续列出）。',
    manual: null,
  },
  damaged: {
    title: '目录文件损坏（正用备份）',
    meaning: '某个目录分片文件无法读取，程序改用了它的备份 .bak；该分片最后一次修改可能已丢失。',
    repair: null,
    manual:
      '请在「修改记录」中核对该分片内条目的最近修改，必要时重新录入。下次修改其中任一条目时，分片会被完整重写。',
  },
  quarantined: {
    title: '已隔离的损坏目录文件',
    meaning:
      '打开资料库时发现目录文件损坏且没有可用备份：能读出的条目已恢复，损坏的文件已移到 catalog/damaged/，没有删除。',
    repair: '不动这些文件。',
    manual:
      '确认条目都已恢复（见下方“可从修改记录重建的条目”）后，可手工删除 catalog/damaged/ 中的文件；也可以交给技术人员从中提取内容。',
  },
  lost: {
    title: '可从修改记录重建的条目',
    meaning: '这些条目在修改记录（log/audit.jsonl）中存在，却不在目录里（多因目录文件损坏）。',
    repair: '按修改记录重建这些条目（编号、全部字段和最后修改时间）。',
    manual: null,
  },
  ocr: {
    title: '识别结果有误',
    meaning:
      'ocr/ 中识别出的文字页文件无法读取（被截断或手工改过），或者不属于任何条目，或者所属的原件已不在条目中（多为条目被删或原件被移除）。',
    repair: null,
    manual:
      '程序不删除识别结果。确认无用后可手工删除所列文件；损坏的页删除后，在条目中再点「识别文字」会重新识别这一页。',
  },
  link: {
    title: '符号链接',
    meaning: '资料库中不应有符号链接：复制到 U 盘后会失效，指向资料库之外的链接还可能泄露别处的文件。',
    repair: null,
    manual: '请确认后手工删除这些链接，并把真正的文件放到相应位置。',
  },
  'link-derived': {
    title: '缩略图文件夹中的符号链接',
    meaning: 'derived/ 中有符号链接。',
    repair: '删除这些链接，并重新生成相应的缩略图。',
    manual: null,
  },
  temp: {
    title: '中断的写入留下的临时文件',
    meaning: '程序写入文件时被中断（断电、强制结束）留下的半截临时文件；它们要替换的文件完好无损。',
    repair: '删除这些临时文件（正在写入的不会动）。',
    manual: null,
  },
};

export interface DoctorSection extends Advice {
  key: SectionKey;
  count: number;
  problems: IntegrityProblem[];
}

export interface DoctorReport {
  library: { name: string; root: string; items: number; formatVersion: number; readOnly: boolean };
  system: { platform: string; node: string; freeBytes: number | null };
  checkedAt: string;
  checkedFiles: number;
  healthy: boolean;
  /** Problems `--repair` fixes, and those left to a person. */
  repairable: number;
  manual: number;
  notices: string[];
  sections: DoctorSection[];
  /** The whole report as plain Chinese text, to send to whoever looks after the computer. */
  text: string;
}

function sectionOf(problem: IntegrityProblem): SectionKey {
  if (problem.path.startsWith('derived/') && (problem.kind === 'orphan' || problem.kind === 'link'))
    return `${problem.kind}-derived`;
  return problem.kind;
}

/** Checks a library without changing it and says, for a person, what is wrong and what can be done. */
export async function diagnoseLibrary(library: Library, context: JobContext = {}): Promise<DoctorReport> {
  const verified = await verifyLibrary(library, context);
  const sections = new Map<SectionKey, DoctorSection>();
  for (const problem of verified.problems) {
    const key = sectionOf(problem);
    const section = sections.get(key) ?? { key, ...ADVICE[key], count: 0, problems: [] };
    section.count++;
    section.problems.push(problem);
    sections.set(key, section);
  }
  const list = [...sections.values()];
  const free = await statfs(library.root).catch(() => null);
  const report: Omit<DoctorReport, 'text'> = {
    library: {
      name: library.info.name,
      root: library.root,
      items: library.catalog.size,
      formatVersion: library.info.formatVersion,
      readOnly: library.readOnly,
    },
    system: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.versions.node,
      freeBytes: free ? free.bavail * free.bsize : null,
    },
    checkedAt: verified.verifiedAt,
    checkedFiles: verified.checkedFiles,
    healthy: verified.problems.length === 0,
    repairable: list.filter((s) => s.repair && !s.manual).reduce((n, s) => n + s.count, 0),
    manual: list.filter((s) => s.manual).reduce((n, s) => n + s.count, 0),
    notices: library.notices,
    sections: list,
  };
  return { ...report, text: doctorText(report) };
}

const NUMERALS = '一二三四五六七八九十';
/** How many paths of one kind are listed; the JSON report has them all. */
const LISTED = 20;

function doctorText(report: Omit<DoctorReport, 'text'>): string {
  const { library, system } = report;
  const gb = system.freeBytes === null ? '未知' : `${(system.freeBytes / 1024 ** 3).toFixed(1)} GB`;
  const lines = [
    '文史典藏资料库检查报告',
    '',
    `资料库：${library.name}（${library.root}）`,
    `条目 ${library.items} 个，核对原件 ${report.checkedFiles} 个；格式版本 ${library.formatVersion}${library.readOnly ? '；本次只读打开' : ''}`,
    `检查时间：${report.checkedAt}`,
    `系统：${system.platform}，Node.js ${system.node}，磁盘剩余 ${gb}`,
    '',
  ];
  if (report.healthy) lines.push('结论：没有发现问题。');
  else
    lines.push(
      `结论：发现 ${report.sections.reduce((n, s) => n + s.count, 0)} 处问题。` +
        `其中 ${report.repairable} 处可运行「wenshi verify <资料库> --repair」自动修复，` +
        `${report.manual} 处需要人工处理（见各项“需要人工”）。`,
    );
  for (const notice of report.notices) lines.push(`打开时的提示：${notice}`);
  report.sections.forEach((section, i) => {
    lines.push('', `${NUMERALS[i] ?? i + 1}、${section.title}（${section.count} 处）`);
    lines.push(`  说明：${section.meaning}`);
    lines.push(`  --repair 会：${section.repair ?? '不能修复。'}`);
    if (section.manual) lines.push(`  需要人工：${section.manual}`);
    for (const problem of section.problems.slice(0, LISTED))
      lines.push(
        `  · ${problem.path}${problem.itemIds.length ? `（条目 ${problem.itemIds.join('、')}）` : ''}`,
      );
    if (section.count > LISTED) lines.push(`  ……另有 ${section.count - LISTED} 处（完整清单见 --json 输出）`);
  });
  lines.push('', '原件（files/）从不被程序修改或删除；--repair 只重建可再生的内容、删除中断留下的临时文件。');
  return lines.join('\n');
}
