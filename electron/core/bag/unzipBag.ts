import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry } from 'yauzl';
import { WenshiError, throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';

/** A library of 50,000 items with tens of thousands of photos stays far below this. */
const MAX_ENTRIES = 2_000_000;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function refused(reason: string): WenshiError {
  return new WenshiError('invalid_argument', 'backup_zip_refused', { reason });
}

/**
 * An entry's path as folders and a name, or why it is refused: absolute paths, drive letters,
 * backslashes, `..` and control characters could place a file outside the folder it is unpacked to.
 */
function segmentsOf(name: string): string[] | string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  if (/[\\\u0000-\u001f]/.test(name) || name.startsWith('/') || /^[A-Za-z]:/.test(name))
    return `路径不合规：${name.slice(0, 120)}`;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return `路径越出了包：${name.slice(0, 120)}`;
  return segments;
}

interface Planned {
  entry: Entry;
  segments: string[];
  directory: boolean;
}

/** Reads the central directory and refuses the zip before anything is written if any entry is unsafe. */
async function plan(zip: yauzl.ZipFile, maxBytes: number): Promise<Planned[]> {
  if (zip.entryCount > MAX_ENTRIES) throw refused(`条目过多（${zip.entryCount} 个）`);
  const planned: Planned[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    const segments = segmentsOf(entry.fileName);
    if (typeof segments === 'string') throw refused(segments);
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
      throw refused(`包内含符号链接：${entry.fileName}`);
    if (entry.isEncrypted()) throw refused(`包内文件已加密：${entry.fileName}`);
    total += entry.uncompressedSize;
    // The sizes the zip declares; yauzl also stops any entry that inflates past its declared size.
    if (total > maxBytes)
      throw refused(
        `解压后需要 ${(total / 1024 ** 3).toFixed(1)} GB 以上，超过磁盘可用空间（可能是恶意构造的“压缩炸弹”）`,
      );
    planned.push({ entry, segments, directory: entry.fileName.endsWith('/') });
  }
  return planned;
}

/**
 * Unpacks a zip that is supposed to hold a backup bag into `dir` (which must be empty or new).
 * The whole central directory is checked first (paths, links, declared sizes against `maxBytes`);
 * files are then written one by one, never through a link, never over an existing file, and
 * each one's inflated bytes are counted against its declared size.
 */
export async function unpackZip(
  file: string,
  dir: string,
  options: JobContext & { maxBytes: number },
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw refused(`不是有效的 zip 文件（${(error as Error).message}）`);
  }
  try {
    let planned: Planned[];
    try {
      planned = await plan(zip, options.maxBytes);
    } catch (error) {
      if (error instanceof WenshiError) throw error;
      throw refused((error as Error).message);
    }
    await mkdir(dir, { recursive: true });
    if ((await readdir(dir)).length > 0) throw new WenshiError('exists', 'unzip_target_not_empty', { dir });
    const files = planned.filter((p) => !p.directory);
    for (const [index, { entry, segments }] of files.entries()) {
      throwIfCancelled(options.signal);
      options.onProgress?.({ phase: 'unpack', done: index, total: files.length, current: entry.fileName });
      await writeEntry(zip, entry, dir, segments);
    }
    options.onProgress?.({ phase: 'unpack', done: files.length, total: files.length });
  } finally {
    zip.close();
  }
}

async function writeEntry(zip: yauzl.ZipFile, entry: Entry, dir: string, segments: string[]): Promise<void> {
  const target = path.join(dir, ...segments);
  let parent = dir;
  // Folders are made one by one so that none of them can be a link planted by an earlier entry.
  for (const segment of segments.slice(0, -1)) {
    parent = path.join(parent, segment);
    const info = await lstat(parent).catch(() => null);
    if (!info) await mkdir(parent);
    else if (!info.isDirectory()) throw refused(`路径冲突：${entry.fileName}`);
  }
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  let handle;
  try {
    handle = await open(target, flags, 0o644);
  } catch {
    throw refused(`同一路径出现两次：${entry.fileName}`);
  }
  let written = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      written += chunk.length;
      next(written > entry.uncompressedSize ? refused(`文件大小与声明不符：${entry.fileName}`) : null, chunk);
    },
  });
  try {
    await pipeline(await zip.openReadStreamPromise(entry), counted, handle.createWriteStream());
  } catch (error) {
    if (error instanceof WenshiError) throw error;
    throw refused(`${entry.fileName} 无法解压（${(error as Error).message}）`);
  }
}

/** The bag in an unpacked zip: its top folder, or the one folder it holds (a zipped bag folder). */
export async function findBagRoot(dir: string): Promise<string> {
  if (await lstat(path.join(dir, 'bagit.txt')).catch(() => null)) return dir;
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('__MACOSX'));
  const only = entries.length === 1 && entries[0]!.isDirectory() ? path.join(dir, entries[0]!.name) : null;
  if (only && (await lstat(path.join(only, 'bagit.txt')).catch(() => null))) return only;
  throw refused('其中没有 BagIt 备份包（缺少 bagit.txt）');
}
