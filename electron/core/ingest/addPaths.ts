import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ItemKind } from '../model';
import { hashFile, type Library } from '../library';
import { WenshiError, throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import { fileTypeOf } from './fileTypes';
import { extractText, titleFrom } from './extractText';
import { checkImage } from './checkImage';

export interface AddResult {
  added: string[];
  skipped: { path: string; reason: string }[];
  failed: { path: string; reason: string }[];
}

export interface AddOptions extends JobContext {
  /** Overrides the kind guessed from each file's type. */
  kind?: ItemKind;
}

interface Candidate {
  file: string;
  size: number;
}

/**
 * Imports files and the files directly inside folders: each becomes one item with its original
 * copied into `files/`. Every path is checked before anything is written, so a mistyped path
 * changes nothing. Files already in the library (same SHA-256) are skipped.
 */
export async function addPaths(
  library: Library,
  paths: string[],
  options: AddOptions = {},
): Promise<AddResult> {
  library.assertWritable();
  if (paths.length === 0) throw new WenshiError('invalid_argument', '请指定要导入的文件或文件夹');
  const result: AddResult = { added: [], skipped: [], failed: [] };
  const candidates: Candidate[] = [];

  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) throw new WenshiError('not_found', `找不到文件或文件夹：${given}`);
    if (info.isDirectory()) {
      const entries = await readdir(given, { withFileTypes: true }).catch(() => {
        throw new WenshiError('io', `无法读取文件夹：${given}`);
      });
      const before = candidates.length + result.failed.length;
      for (const entry of entries) {
        const file = path.join(given, entry.name);
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        if (!fileTypeOf(file)) {
          result.skipped.push({ path: file, reason: '不支持的文件类型' });
          continue;
        }
        classify(file, (await stat(file)).size, candidates, result);
      }
      if (candidates.length + result.failed.length === before)
        throw new WenshiError('not_found', `文件夹中没有可导入的文件：${given}`);
    } else if (!fileTypeOf(given)) {
      result.failed.push({ path: given, reason: '不支持的文件类型' });
    } else {
      classify(given, info.size, candidates, result);
    }
  }

  const total = candidates.length;
  for (const [index, { file, size }] of candidates.entries()) {
    throwIfCancelled(options.signal);
    options.onProgress?.({ phase: 'import', done: index, total, current: path.basename(file) });
    try {
      const outcome = await addFile(library, file, size, options);
      if ('id' in outcome) result.added.push(outcome.id);
      else result.skipped.push({ path: file, reason: outcome.skipped });
    } catch (error) {
      if (error instanceof WenshiError && error.code === 'cancelled') throw error;
      result.failed.push({ path: file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  options.onProgress?.({ phase: 'import', done: total, total });
  return result;
}

function classify(file: string, size: number, candidates: Candidate[], result: AddResult): void {
  if (size === 0) result.failed.push({ path: file, reason: '文件为空（0 字节）' });
  else candidates.push({ file, size });
}

async function addFile(
  library: Library,
  file: string,
  size: number,
  options: AddOptions,
): Promise<{ id: string } | { skipped: string }> {
  const type = fileTypeOf(file)!;
  const name = path.basename(file);
  const sha256 = await hashFile(file, options.signal);
  const existing = library.catalog.findByFileHash(sha256);
  if (existing) return { skipped: `已在资料库中（${existing.title}）` };

  if (type.kind === 'photo') await checkImage(file, type.mime, name);
  const extracted = type.text ? await extractText(file, type.text, size, name) : { text: '' };
  await library.files.put(file, sha256, name);
  const item = await library.createItem({
    kind: options.kind ?? type.kind,
    title: titleFrom(extracted.text, name),
    people: [],
    date: '',
    place: '',
    description: '',
    text: extracted.text,
    ...(extracted.rawText !== undefined && { rawText: extracted.rawText }),
    files: [
      { sha256, name, size, mime: type.mime, ...(extracted.encoding && { encoding: extracted.encoding }) },
    ],
  });
  return { id: item.id };
}
