import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Catalog } from '../catalog';
import { diffFields, FileStore, LIBRARY_FORMAT_VERSION, type Library } from '../library';
import { WenshiError, throwIfCancelled } from '../errors';
import { writeFileDurably } from '../storage';
import { ItemSchema, type Item } from '../model';
import type { JobContext } from '../jobs';
import { OcrStore } from '../ocr/ocrStore';
import { checkBag } from './bagit';
import { invalidBagError } from './restoreLibrary';

export interface MergeConflict {
  /** Our item. */
  itemId: string;
  /** Their item, when it differs from ours (matched by an original's content hash). */
  theirId: string;
  title: string;
  field: string;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  added: string[];
  /** Their items we already have, field for field. */
  identical: string[];
  conflicts: MergeConflict[];
  failed: { itemId: string; reason: string }[];
  filesCopied: number;
  /** Links between items (相关条目) made by the merge: both ends here, not linked before. */
  linked: number;
  /** Where the report was saved (log/merges/…), for a person to work through the conflicts. */
  reportPath: string | null;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

const DIFF_IGNORED = ['updatedAt', 'createdAt', 'id'];

/**
 * Their links whose both ends are here now (added, or ours matched), made on our items where they
 * are not linked yet; a link to an item that failed or is not in the package is left out. Returns
 * how many links were made.
 */
async function mergeLinks(library: Library, theirItems: Item[], ourIds: Map<string, string>): Promise<number> {
  const links = new Map<string, { id: string; other: string; role: string }>();
  for (const theirs of theirItems)
    for (const link of theirs.related) {
      const id = ourIds.get(theirs.id);
      const other = ourIds.get(link.id);
      if (!id || !other || id === other || !library.catalog.get(id) || !library.catalog.get(other)) continue;
      if ((library.catalog.get(id)!.related ?? []).some((r) => r.id === other)) continue;
      const key = [id, other].sort().join(' ');
      if (!links.has(key)) links.set(key, { id, other, role: link.role });
    }
  const all = [...links.values()];
  for (let start = 0; start < all.length; start += MERGE_GROUP)
    await library.relate(all.slice(start, start + MERGE_GROUP));
  return all.length;
}

/** Their item's counterpart here: the same id, or else an item holding one of the same originals. */
function counterpart(library: Library, theirs: Item): Item | undefined {
  const byId = library.catalog.get(theirs.id);
  if (byId) return byId;
  for (const file of theirs.files) {
    const byContent = library.catalog.findByFileHash(file.sha256);
    if (byContent) return byContent;
  }
  return undefined;
}

/**
 * Imports another archivist's package (a backup bag of their library) into this one. Items are
 * matched by id and by the content hash of their originals: new ones are added with their
 * originals, identical ones skipped, and items whose fields differ are reported as conflicts
 * (field, ours, theirs) and left unchanged for a person to decide. Nothing is overwritten.
 */
/** Items a merge commits together. */
const MERGE_GROUP = 500;

export async function mergePackage(
  library: Library,
  bag: string,
  context: JobContext = {},
): Promise<MergeResult> {
  library.assertWritable();
  const check = await checkBag(bag, context);
  if (check.problems.length > 0) throw invalidBagError(bag, check.problems);
  const data = path.join(bag, 'data');
  const info = JSON.parse(await readFile(path.join(data, 'library.json'), 'utf8').catch(() => 'null')) as {
    formatVersion?: number;
  } | null;
  if (!info) throw new WenshiError('invalid_argument', 'package_without_library', { bag });
  if (info.formatVersion !== LIBRARY_FORMAT_VERSION)
    throw new WenshiError('unsupported', 'package_other_format', {
      theirs: String(info.formatVersion),
      ours: LIBRARY_FORMAT_VERSION,
    });

  const theirCatalog = await Catalog.open(path.join(data, 'catalog'), library.clock);
  const theirFiles = new FileStore(path.join(data, 'files'));
  const result: MergeResult = {
    added: [],
    identical: [],
    conflicts: [],
    failed: [],
    filesCopied: 0,
    linked: 0,
    reportPath: null,
  };
  // Their catalog is read as data from outside: every record must be a well-formed item.
  const theirItems: Item[] = [];
  for (const raw of theirCatalog.all()) {
    const parsed = ItemSchema.safeParse(raw);
    if (parsed.success) theirItems.push(parsed.data);
    else
      result.failed.push({
        itemId: String(raw.id),
        reason: `条目数据不合格式：${parsed.error.issues[0]!.path.join('.')}`,
      });
  }
  theirItems.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  // Their items are committed in groups (one write per touched shard, one audit append), after
  // their originals are copied in; a group cut off by a crash is in neither catalog nor log.
  /** Their item's id → ours: the same for items added, the counterpart's for items we have. */
  const ourIds = new Map<string, string>();
  let pending: Item[] = [];
  const pendingFiles = new Set<string>();
  const commitPending = async () => {
    const group = pending;
    pending = [];
    pendingFiles.clear();
    if (group.length === 0) return;
    const added = (await library.importItems(group)).map((item) => item.id);
    result.added.push(...added);
    // The pages their OCR read come along with the items (a rerun costs seconds a page).
    for (const id of added) await OcrStore.copyPages(OcrStore.folder(data), OcrStore.folder(library.root), id);
  };
  for (const [index, theirs] of theirItems.entries()) {
    // An item sharing an original with one waiting to be committed is matched against it as ours.
    if (context.signal?.aborted || theirs.files.some((f) => pendingFiles.has(f.sha256))) await commitPending();
    throwIfCancelled(context.signal);
    context.onProgress?.({ phase: 'merge', done: index, total: theirItems.length, current: theirs.title });
    const ours = counterpart(library, theirs);
    if (ours) {
      ourIds.set(theirs.id, ours.id);
      // Links are not a conflict: theirs are added to ours below.
      const changes = diffFields(ours, theirs, [...DIFF_IGNORED, 'related']);
      if (changes.length === 0) result.identical.push(theirs.id);
      for (const change of changes)
        result.conflicts.push({
          itemId: ours.id,
          theirId: theirs.id,
          title: ours.title,
          field: change.field,
          ours: change.old,
          theirs: change.new,
        });
      continue;
    }
    const missing = [];
    for (const file of theirs.files)
      if (!(await theirFiles.has(file.sha256, file.name))) missing.push(file.name);
    if (missing.length > 0) {
      result.failed.push({ itemId: theirs.id, reason: `包中缺少原件：${missing.join('、')}` });
      continue;
    }
    for (const file of theirs.files) {
      if (await library.files.has(file.sha256, file.name)) continue;
      await library.files.put(theirFiles.pathFor(file.sha256, file.name), file.sha256, file.name);
      result.filesCopied++;
    }
    // Linked once every item is in (below), by our ids: a link's other end may come later or be ours.
    pending.push({ ...theirs, related: [] });
    ourIds.set(theirs.id, theirs.id);
    for (const file of theirs.files) pendingFiles.add(file.sha256);
    if (pending.length >= MERGE_GROUP) await commitPending();
  }
  await commitPending();
  result.linked = await mergeLinks(library, theirItems, ourIds);
  context.onProgress?.({ phase: 'merge', done: theirItems.length, total: theirItems.length });

  if (result.conflicts.length + result.added.length + result.failed.length > 0) {
    const report = library.path('log', 'merges', `${stamp(library.clock())}.json`);
    await mkdir(path.dirname(report), { recursive: true });
    await writeFileDurably(report, JSON.stringify({ bag: path.resolve(bag), ...result }, null, 2) + '\n');
    result.reportPath = report;
  }
  return result;
}
