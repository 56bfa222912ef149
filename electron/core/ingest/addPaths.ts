import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { FileRef, ItemFieldsInput, ItemKind, Segment } from '../model';
import { hashFile, type Library } from '../library';
import { WenshiError } from '../errors';
import type { JobContext } from '../jobs';
import type { MojibakeRun, QuoteStyle } from '../text';
import { typesetSuggestionsFor } from './typesetReview';
import { fileTypeOf } from './fileTypes';
import { extractText, titleFrom, type ExtractedText } from './extractText';
import { groupFiles, type PlannedFile, type PlannedItem } from './grouping';
import { discardDerivatives, processPhoto, type PhotoInfo } from './photos';
import { audioDuration } from './audio';
import { flagDuplicates } from '../duplicates';

export interface PathReason {
  path: string;
  reason: string;
}

export interface AddResult {
  /** Ids of the items created (none in a dry run). */
  added: string[];
  skipped: PathReason[];
  failed: PathReason[];
  /** What would be (or was) imported, item by item: in a dry run the plan, otherwise empty. */
  planned: { kind: ItemKind; name: string; files: string[] }[];
  dryRun: boolean;
  /** Set when the import was cancelled: what is listed was done; running it again finishes it. */
  cancelled: boolean;
  counts: { files: number; added: number; skipped: number; failed: number };
}

export interface AddOptions extends JobContext {
  /** Overrides the kind guessed from each file's type. */
  kind?: ItemKind;
  /** Also import the files in subfolders, at any depth. */
  recursive?: boolean;
  /** Check, hash and group everything, report what would be imported, write nothing. */
  dryRun?: boolean;
}

/**
 * Imports files and folders. Every path is checked before anything is written, so a mistyped path
 * changes nothing. Files are grouped into items (see groupFiles), photos are checked and given
 * thumbnails, text is read and cleaned, and each item is committed together with the hashes of
 * its originals. Files whose hash is already in the library are skipped: that is what makes an
 * interrupted import safe to run again — what was committed is skipped, the rest is finished.
 */
export async function addPaths(
  library: Library,
  paths: string[],
  options: AddOptions = {},
): Promise<AddResult> {
  const dryRun = options.dryRun ?? false;
  if (!dryRun) library.assertWritable();
  if (paths.length === 0) throw new WenshiError('invalid_argument', 'import_nothing_given');
  const result: AddResult = {
    added: [],
    skipped: [],
    failed: [],
    planned: [],
    dryRun,
    cancelled: false,
    counts: { files: 0, added: 0, skipped: 0, failed: 0 },
  };

  const candidates: PlannedFile[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) throw new WenshiError('not_found', 'path_not_found', { path: given });
    if (info.isDirectory()) {
      const before = candidates.length + result.failed.length;
      await collectFolder(given, options.recursive ?? false, candidates, result);
      if (candidates.length + result.failed.length === before)
        throw new WenshiError('not_found', 'folder_nothing_to_import', { path: given });
    } else if (!fileTypeOf(given)) {
      result.failed.push({ path: given, reason: '不支持的文件类型' });
    } else {
      classify({ path: given, size: info.size }, candidates, result);
    }
  }

  const plan = groupFiles(candidates);
  const run = new ImportRun(library, options, result, candidates.length);
  await run.execute(plan);
  // Files finish in any order; the report lists them in the order of their names.
  const byPath = (a: PathReason, b: PathReason) => pathOrder.compare(a.path, b.path);
  result.skipped.sort(byPath);
  result.failed.sort(byPath);
  result.counts = {
    files: candidates.length,
    added: result.added.length,
    skipped: result.skipped.length,
    failed: result.failed.length,
  };
  return result;
}

async function collectFolder(
  dir: string,
  recursive: boolean,
  candidates: PlannedFile[],
  result: AddResult,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new WenshiError('io', 'folder_unreadable', { path: dir });
  });
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    // Hidden files are system or program files (.DS_Store, ._照片.jpg from a Mac, .git): never
    // imported, but listed, so a person sees everything that was left out.
    if (entry.name.startsWith('.')) {
      result.skipped.push({
        path: file,
        reason: entry.isDirectory() ? '隐藏文件夹，未导入' : '隐藏文件或系统文件（如 .DS_Store），未导入',
      });
      continue;
    }
    if (entry.isDirectory()) {
      if (recursive) await collectFolder(file, true, candidates, result);
      else
        result.skipped.push({
          path: file,
          reason: '子文件夹未导入（需要时请选“包括子文件夹”或加 --recursive）',
        });
    } else if (entry.isFile()) {
      if (!fileTypeOf(file)) result.skipped.push({ path: file, reason: '不支持的文件类型' });
      else classify({ path: file, size: (await stat(file)).size }, candidates, result);
    }
  }
}

const pathOrder = new Intl.Collator('zh', { numeric: true });

function classify(file: PlannedFile, candidates: PlannedFile[], result: AddResult): void {
  if (file.size === 0) result.failed.push({ path: file.path, reason: '文件为空（0 字节）' });
  else candidates.push(file);
}

interface ReadFile extends PlannedFile {
  sha256: string;
  mime: string;
  text?: ExtractedText;
  photo?: PhotoInfo;
  duration?: number;
}

/**
 * Files read at once. Each waits mostly on fsync (copying originals durably) and sharp runs its own
 * thread pool, so a few per core keep both the disk and the cores busy.
 */
const WORKERS = Math.max(4, availableParallelism() * 4);

/** Items are committed in batches of up to this many: one audit write and parallel shard writes each. */
const COMMIT_BATCH = 64;

/**
 * How far reading may run ahead of the first item not yet read. Items are committed in the order
 * of their files (so 档号 follow it), and one large file read slowly holds back the commits of
 * those after it: what waits is kept in memory, so the wait is bounded.
 */
const READ_AHEAD = COMMIT_BATCH * 4;

type ReadItem = { planned: PlannedItem; files: ReadFile[] };

/**
 * One import: items are read in parallel (hashing, decoding, thumbnails, copying the originals)
 * and committed in batches, in the order of the plan (folder, then name), whatever order the
 * reading finishes in, so 档号 are numbered in that order. An original copied whose item was not
 * yet committed when the process died is found in `files/` by the next run and reused.
 */
class ImportRun {
  /** Hashes in the library or claimed by this run, with a note for the duplicates. */
  private readonly known = new Map<string, string>();
  private pending: ReadItem[] = [];
  /** Items read (null: nothing to commit) by their place in the plan, until those before them are read. */
  private readonly finished = new Map<number, ReadItem | null>();
  /** The place in the plan of the first item not yet read. */
  private nextInOrder = 0;
  /** Readers waiting for the first unread item, when they ran READ_AHEAD items ahead of it. */
  private waiting: (() => void)[] = [];
  private committing: Promise<void> | null = null;
  /** Created items with the first file of each, to report them in file order. */
  private readonly created: { id: string; first: string }[] = [];
  private filesDone = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly library: Library,
    private readonly options: AddOptions,
    private readonly result: AddResult,
    private readonly totalFiles: number,
  ) {
    for (const item of library.catalog.all())
      for (const file of item.files) this.known.set(file.sha256, `已在资料库中（${item.title}）`);
  }

  async execute(plan: PlannedItem[]): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (next < plan.length && !this.options.signal?.aborted) {
        if (next - this.nextInOrder >= READ_AHEAD) {
          await new Promise<void>((resolve) => this.waiting.push(resolve));
          continue;
        }
        const index = next++;
        await this.finish(index, await this.importItem(plan[index]!));
      }
    });
    await Promise.all(workers);
    // Cancelled: what was read after an unread item is committed too, still in plan order.
    for (const index of [...this.finished.keys()].sort((a, b) => a - b)) {
      const read = this.finished.get(index);
      if (read) this.pending.push(read);
    }
    this.finished.clear();
    await this.flush();
    // Items finish in any order; they are reported in the order of their files.
    const order = new Map(plan.map((planned, i) => [planned.files[0]!.path, i]));
    const position = (file: string) => order.get(file) ?? 0;
    this.result.planned.sort((a, b) => position(a.files[0]!) - position(b.files[0]!));
    this.created.sort((a, b) => position(a.first) - position(b.first));
    this.result.added.push(...this.created.map((c) => c.id));
    this.result.cancelled = this.options.signal?.aborted ?? false;
    this.report();
  }

  private report(current?: string): void {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const done = this.filesDone;
    const left = this.totalFiles - done;
    const etaSeconds = done > 0 && left > 0 ? Math.round((elapsed / done) * left) : undefined;
    this.options.onProgress?.({
      phase: this.options.dryRun ? 'check' : 'import',
      done,
      total: this.totalFiles,
      ...(current && { current }),
      ...(etaSeconds !== undefined && { etaSeconds }),
    });
  }

  /** Reads one planned item's files; what is to be committed, or null. */
  private async importItem(planned: PlannedItem): Promise<ReadItem | null> {
    const files: ReadFile[] = [];
    for (const file of planned.files) {
      try {
        const read = await this.readFile(file);
        if (read) files.push(read);
      } catch (error) {
        if (this.options.signal?.aborted) return null; // not a failure: the run stops here
        this.result.failed.push({ path: file.path, reason: messageOf(error) });
      }
      this.filesDone++;
      this.report(path.basename(file.path));
    }
    if (files.length === 0) return null;
    if (this.options.dryRun) {
      const kind = this.options.kind ?? planned.kind;
      this.result.planned.push({ kind, name: planned.name, files: files.map((f) => f.path) });
      return null;
    }
    return { planned, files };
  }

  /** Queues for commit every item read whose predecessors in the plan are all read. */
  private async finish(index: number, read: ReadItem | null): Promise<void> {
    this.finished.set(index, read);
    if (index !== this.nextInOrder) return;
    while (this.finished.has(this.nextInOrder)) {
      const ready = this.finished.get(this.nextInOrder);
      this.finished.delete(this.nextInOrder++);
      if (ready) this.pending.push(ready);
    }
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
    if (this.pending.length >= COMMIT_BATCH) await this.flush();
  }

  /** Hashes, checks and reads one file, and copies it in; undefined when it is a duplicate (noted as skipped). */
  private async readFile(file: PlannedFile): Promise<ReadFile | undefined> {
    const type = fileTypeOf(file.path)!;
    const sha256 = await hashFile(file.path, this.options.signal);
    const duplicateOf = this.known.get(sha256);
    if (duplicateOf) {
      this.result.skipped.push({ path: file.path, reason: duplicateOf });
      return undefined;
    }
    // Claimed at once, so an identical file read side by side is skipped, not imported twice.
    this.known.set(sha256, `与本次导入的 ${path.basename(file.path)} 内容相同`);
    const read: ReadFile = { ...file, sha256, mime: type.mime };
    if (this.options.dryRun) return read;
    try {
      if (type.reader === 'image') read.photo = await processPhoto(file.path, sha256, this.library.root);
      else if (type.reader === 'audio') read.duration = await audioDuration(file.path);
      else read.text = await extractText(file.path, type.reader, file.size);
      await this.library.files.put(file.path, sha256, path.basename(file.path));
    } catch (error) {
      await this.discard(read);
      throw error;
    }
    return read;
  }

  /** A file that will not be committed leaves no thumbnail behind (unless an item already has it). */
  private async discard(file: ReadFile): Promise<void> {
    if (fileTypeOf(file.path)?.reader === 'image' && !this.library.catalog.findByFileHash(file.sha256))
      await discardDerivatives(file.sha256, this.library.root);
  }

  /** Commits what is pending; one batch at a time, so identifiers are numbered in order. */
  private async flush(): Promise<void> {
    while (this.committing) await this.committing;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.committing = (async () => {
      const kinds = batch.map(({ planned }) => this.options.kind ?? planned.kind);
      const outcomes = await this.library.createItems(
        batch.map(({ planned, files }, i) =>
          itemFields(kinds[i]!, planned, files, this.library.info.settings.quoteStyle),
        ),
      );
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) this.created.push({ id: outcome.item.id, first: batch[i]!.planned.files[0]!.path });
        else
          for (const file of batch[i]!.files)
            this.result.failed.push({ path: file.path, reason: messageOf(outcome.error) });
      });
      for (const [i, outcome] of outcomes.entries())
        if (!outcome.ok) for (const file of batch[i]!.files) await this.discard(file);
      // The same text already in the library (in another encoding, say) waits in 待复核 as 「可能重复」.
      await flagDuplicates(
        this.library,
        outcomes.flatMap((outcome) => (outcome.ok ? [outcome.item.id] : [])),
      );
    })();
    try {
      await this.committing;
    } finally {
      this.committing = null;
    }
  }
}

/** The catalog record of one planned item, from what was read of its files. */
function itemFields(
  kind: ItemKind,
  planned: PlannedItem,
  files: ReadFile[],
  style: QuoteStyle,
): ItemFieldsInput {
  const textual = files.find((file) => file.text && file.text.text.trim() !== '')?.text;
  const photo = files.find((file) => file.photo)?.photo;
  const durations = files.map((file) => file.duration).filter((d): d is number => d !== undefined);
  const segments: Segment[] = textual?.segments ?? [];
  const mojibake: MojibakeRun[] = textual?.mojibake ?? [];
  const suggestions: ItemFieldsInput['suggestions'] = [...(photo?.suggestions ?? [])];
  // Warnings from any file of the item (a PDF's script, text that did not decode) wait in 待复核.
  for (const file of files)
    for (const warning of file.text?.warnings ?? [])
      suggestions.push({ field: 'notes', value: warning.value, source: warning.source });
  if (textual && textual.pinyinRemoved > 0)
    suggestions.push({
      field: 'text',
      value: { pinyinRemoved: textual.pinyinRemoved },
      source: `清理：去除拼音注音 ${textual.pinyinRemoved} 处（原文已保留，可对照后接受或还原）`,
    });
  // Offered, not made: the text stays as imported until a person accepts a kind in 待复核.
  if (textual) suggestions.push(...typesetSuggestionsFor(textual.text, style));
  const refs: FileRef[] = files.map((file) => ({
    sha256: file.sha256,
    name: path.basename(file.path),
    size: file.size,
    mime: file.mime,
    ...(file.role && { role: file.role }),
    ...(file.text?.encoding && { encoding: file.text.encoding }),
  }));
  return {
    kind,
    title: titleFrom(textual?.text ?? '', planned.name),
    text: textual?.text ?? '',
    ...(textual?.rawText !== undefined && { rawText: textual.rawText }),
    mojibake,
    suggestions,
    files: refs,
    ...(kind === 'oral' && {
      oral: {
        ...(durations.length > 0 && { duration: durations.reduce((a, b) => a + b, 0) }),
        segments,
      },
    }),
    ...(kind === 'photo' && photo && { photo: { width: photo.width, height: photo.height } }),
    ...(kind === 'document' && textual?.pages !== undefined && { document: { pages: textual.pages } }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
