import { appendFile, mkdir, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { hashFile, LIBRARY_SUBFOLDERS, type Library } from '../library';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { isTempName } from '../storage';
import {
  damagedCatalogFiles,
  lostItemProblems,
  repairLostItems,
  repairTempFiles,
  tempFileProblems,
} from './catalogCheck';
import { derivedProblems, repairDerived } from './derivedCheck';
import { ocrProblems } from './ocrCheck';

export type ProblemKind =
  | 'missing'
  | 'altered'
  | 'orphan'
  | 'damaged'
  | 'derivable'
  | 'link'
  /** A temporary file left by a write that was cut off. */
  | 'temp'
  /** A damaged catalog file moved aside at open. */
  | 'quarantined'
  /** An item the audit log has and the catalog lost. */
  | 'lost'
  /** A page file of ocr/ that is damaged, or belongs to no item or to an original its item no longer has. */
  | 'ocr';

export interface IntegrityProblem {
  kind: ProblemKind;
  /** Relative to the library folder, with forward slashes. */
  path: string;
  /** The items that refer to the file. */
  itemIds: string[];
  message: string;
}

/**
 * Something kept in derived/ or index/ (or a folder of the layout) that can be made again from the
 * originals and the catalog. Thumbnails and the search index register one each.
 */
export interface Regenerator {
  name: string;
  /** What is missing or stale, as paths relative to the library. */
  check(library: Library): Promise<string[]>;
  /** Makes it again; returns what was made. Never touches files/ or the catalog. */
  repair(library: Library, context: JobContext): Promise<string[]>;
}

/** The folders of the library layout, recreated empty when missing. */
export const libraryFolders: Regenerator = {
  name: 'folders',
  async check(library) {
    const missing: string[] = [];
    for (const sub of LIBRARY_SUBFOLDERS) {
      const info = await stat(library.path(sub)).catch(() => null);
      if (!info?.isDirectory()) missing.push(`${sub}/`);
    }
    return missing;
  },
  async repair(library) {
    const made = await this.check(library);
    for (const sub of made) await mkdir(library.path(sub), { recursive: true });
    return made;
  },
};

export const DEFAULT_REGENERATORS: readonly Regenerator[] = [libraryFolders];

export interface VerifyOptions extends JobContext {
  /** Regenerate what is derivable; originals are never changed or deleted. */
  repair?: boolean;
  regenerators?: readonly Regenerator[];
}

export interface VerifyReport {
  verifiedAt: string;
  checkedFiles: number;
  problems: IntegrityProblem[];
  repaired: string[];
}

/** The regular files below `dir`; links are never followed (they are reported on their own). */
async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

/** Every symbolic link anywhere in the library folder, relative to it. */
async function listLinks(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) out.push(path.relative(base, full));
    else if (entry.isDirectory()) out.push(...(await listLinks(full, base)));
  }
  return out;
}

/**
 * A library holds files, not links: a link copied onto a USB disk loses its target or finds another
 * one, and one that leads out of the folder would hand a door a file that is not the library's.
 * The doors refuse to serve them; verification names them so a person can remove them.
 */
async function linkProblems(library: Library): Promise<IntegrityProblem[]> {
  const realRoot = await realpath(library.root);
  const problems: IntegrityProblem[] = [];
  for (const rel of await listLinks(library.root)) {
    const shown = slashes(rel);
    // Links in derived/ are the derived check's: there they are removed and the files remade.
    if (shown.startsWith('derived/')) continue;
    const target = await realpath(path.join(library.root, rel)).catch(() => null);
    const inside =
      target !== null &&
      !path.relative(realRoot, target).startsWith('..') &&
      !path.isAbsolute(path.relative(realRoot, target));
    const pointsTo = await readlink(path.join(library.root, rel)).catch(() => '?');
    problems.push({
      kind: 'link',
      path: shown,
      itemIds: [],
      message: inside
        ? `资料库中不应有符号链接：${shown}（指向 ${pointsTo}）`
        : `符号链接指向资料库之外：${shown}（指向 ${pointsTo}）`,
    });
  }
  return problems;
}

const slashes = (p: string) => p.split(path.sep).join('/');

/**
 * Re-hashes every original in files/ and checks it against the catalog: a file the catalog names
 * but that is gone (missing), whose content no longer has its recorded SHA-256 (altered), or a file
 * no item refers to (orphan), OCR page files that are damaged or belong to nothing (ocr), and any
 * symbolic link in the library folder (link). With `repair`,
 * regenerates what is derivable.
 */
export async function verifyLibrary(library: Library, options: VerifyOptions = {}): Promise<VerifyReport> {
  const regenerators = options.regenerators ?? DEFAULT_REGENERATORS;
  const repaired: string[] = [];
  if (options.repair) {
    library.assertWritable();
    for (const regenerator of regenerators) repaired.push(...(await regenerator.repair(library, options)));
    repaired.push(...(await repairTempFiles(library)));
    repaired.push(...(await repairLostItems(library)));
    repaired.push(...(await repairDerived(library, options)));
  }

  const filesDir = library.path('files');
  const expected = new Map<string, { sha256: string; itemIds: string[] }>();
  for (const item of library.catalog.all()) {
    for (const ref of item.files) {
      const rel = path.relative(filesDir, library.files.pathFor(ref.sha256, ref.name));
      const entry = expected.get(rel) ?? { sha256: ref.sha256, itemIds: [] };
      entry.itemIds.push(item.id);
      expected.set(rel, entry);
    }
  }

  const problems: IntegrityProblem[] = [];
  // Temporary files are the temp-file check's: reported there when left behind, ignored while written.
  const onDisk = new Set((await listFiles(filesDir)).filter((rel) => !isTempName(path.basename(rel))));
  const total = expected.size;
  let done = 0;
  for (const [rel, { sha256, itemIds }] of expected) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'verify', done: done++, total, current: slashes(rel) });
    const shown = `files/${slashes(rel)}`;
    if (!onDisk.has(rel)) {
      problems.push({ kind: 'missing', path: shown, itemIds, message: `原件缺失：${shown}` });
      continue;
    }
    const actual = await hashFile(path.join(filesDir, rel), options.signal);
    if (actual !== sha256)
      problems.push({
        kind: 'altered',
        path: shown,
        itemIds,
        message: `原件内容已改变（SHA-256 不符）：${shown}`,
      });
  }
  options.onProgress?.({ phase: 'verify', done: total, total });
  for (const rel of onDisk) {
    if (expected.has(rel)) continue;
    const shown = `files/${slashes(rel)}`;
    problems.push({ kind: 'orphan', path: shown, itemIds: [], message: `没有条目引用的文件：${shown}` });
  }
  problems.push(...(await damagedCatalogFiles(library)));
  problems.push(...(await lostItemProblems(library)));
  problems.push(...(await derivedProblems(library)));
  problems.push(...(await tempFileProblems(library)));
  problems.push(...(await ocrProblems(library)));
  problems.push(...(await linkProblems(library)));
  for (const regenerator of regenerators) {
    for (const missing of await regenerator.check(library))
      problems.push({
        kind: 'derivable',
        path: missing,
        itemIds: [],
        message: `可重建的内容缺失：${missing}`,
      });
  }

  const report = {
    verifiedAt: library.clock().toISOString(),
    checkedFiles: expected.size,
    problems,
    repaired,
  };
  if (!library.readOnly) await recordVerification(library, report);
  return report;
}

const VERIFY_LOG = ['log', 'verify.jsonl'] as const;

async function recordVerification(library: Library, report: VerifyReport): Promise<void> {
  await mkdir(library.path('log'), { recursive: true });
  const line = { at: report.verifiedAt, checkedFiles: report.checkedFiles, problems: report.problems.length };
  await appendFile(library.path(...VERIFY_LOG), JSON.stringify(line) + '\n');
}

/** When the next scheduled verification is due (ISO time), or null when scheduling is off. */
export async function nextVerificationDue(library: Library): Promise<string | null> {
  const days = library.info.settings.verifyIntervalDays;
  if (days === 0) return null;
  const text = await readFile(library.path(...VERIFY_LOG), 'utf8').catch(() => '');
  let last: string | null = null;
  for (const line of text.split('\n')) {
    try {
      last = (JSON.parse(line) as { at: string }).at;
    } catch {
      // blank or cut-short line
    }
  }
  // Never verified: due now.
  if (last === null) return library.clock().toISOString();
  return new Date(Date.parse(last) + days * 86_400_000).toISOString();
}
