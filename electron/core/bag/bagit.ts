import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashFile } from '../library';
import { WenshiError, throwIfCancelled } from '../errors';
import { bytesShort, isDiskFull, megabytes, storageError, writeFileDurably } from '../storage';
import type { JobContext } from '../jobs';

/** BagIt 1.0 (RFC 8493) packages: a payload under data/ with SHA-256 manifests, for backup and transfer. */

export interface PayloadFile {
  /** Path inside data/, with forward slashes. */
  rel: string;
  source: string;
}

/** Copies a file by streaming (originals can be gigabytes), returning the SHA-256 of what was copied. */
export async function copyHashing(source: string, target: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await mkdir(path.dirname(target), { recursive: true });
  await pipeline(
    createReadStream(source, { highWaterMark: 1024 * 1024 }),
    tap,
    createWriteStream(target, { flags: 'wx', highWaterMark: 1024 * 1024 }),
    { signal },
  );
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** Manifest paths escape CR, LF and % (RFC 8493 §2.1.3). */
export function encodePath(rel: string): string {
  return rel.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function decodePath(encoded: string): string {
  return encoded.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** `Label: value` lines; a line starting with whitespace continues the one before. */
export function parseBagInfo(text: string): Map<string, string> {
  const info = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^\s/.test(line) && last !== null) info.set(last, `${info.get(last)} ${line.trim()}`);
    else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim();
      info.set(last, line.slice(colon + 1).trim());
    }
  }
  return info;
}

/**
 * The tag files of a bag whose payload is written: bagit.txt, the manifest (`<sha256>  data/<path>`
 * lines), bag-info.txt with the Payload-Oxum, and last the tag manifest over those three.
 */
export function tagFiles(
  manifest: string[],
  info: [string, string][],
  bytes: number,
  count: number,
): [string, string][] {
  const tags: [string, string][] = [
    ['bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
    ['manifest-sha256.txt', manifest.map((line) => line + '\n').join('')],
    [
      'bag-info.txt',
      [...info, ['Payload-Oxum', `${bytes}.${count}`] as [string, string]]
        .map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ')}\n`)
        .join(''),
    ],
  ];
  const tagManifest = tags
    .map(([name, text]) => `${createHash('sha256').update(text).digest('hex')}  ${name}\n`)
    .join('');
  return [...tags, ['tagmanifest-sha256.txt', tagManifest]];
}

/**
 * Writes a bag to `out` (which must not exist yet): the payload, manifest-sha256.txt, bagit.txt,
 * bag-info.txt and tagmanifest-sha256.txt. It is built beside `out` and renamed into place at the
 * end, so an interrupted backup never looks like a finished one.
 */
export async function writeBag(
  out: string,
  payload: PayloadFile[],
  info: [string, string][],
  context: JobContext = {},
): Promise<{ bytes: number; files: number }> {
  if (await lstat(out).catch(() => null)) throw new WenshiError('exists', 'backup_target_exists', { out });
  const building = `${out}.part-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  // A disk too small for the copy is said before anything is written; tag files are a few KB.
  const sizes = [4096];
  for (const file of payload) sizes.push((await lstat(file.source).catch(() => null))?.size ?? 0);
  const short = await bytesShort(path.dirname(out), sizes);
  if (short) throw new WenshiError('io', 'disk_full_backup_before', { mb: megabytes(short) });
  try {
    await mkdir(path.join(building, 'data'), { recursive: true });
    const manifest: string[] = [];
    let bytes = 0;
    for (const [index, file] of payload.entries()) {
      throwIfCancelled(context.signal);
      context.onProgress?.({ phase: 'backup', done: index, total: payload.length, current: file.rel });
      const target = path.join(building, 'data', ...file.rel.split('/'));
      manifest.push(
        `${await copyHashing(file.source, target, context.signal)}  data/${encodePath(file.rel)}`,
      );
      bytes += (await lstat(target)).size;
    }
    for (const [name, text] of tagFiles(manifest, info, bytes, payload.length))
      await writeFileDurably(path.join(building, name), text);
    await rename(building, out);
    context.onProgress?.({ phase: 'backup', done: payload.length, total: payload.length });
    return { bytes, files: payload.length };
  } catch (error) {
    await rm(building, { recursive: true, force: true }).catch(() => undefined);
    if (!isDiskFull(error)) throw storageError(error);
    const missing = megabytes((await bytesShort(path.dirname(out), sizes)) ?? 0);
    throw new WenshiError('io', 'disk_full_backup_during', { mb: missing });
  }
}

export interface BagCheck {
  problems: string[];
  info: Map<string, string>;
  /** Payload paths (inside data/) and their SHA-256, from the manifest. */
  manifest: Map<string, string>;
}

async function walk(dir: string, base: string, out: string[], problems: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (entry.isSymbolicLink()) problems.push(`包内含符号链接，拒绝处理：${rel}`);
    else if (entry.isDirectory()) await walk(full, base, out, problems);
    else out.push(rel);
  }
}

/** Reads `<hash>  <path>` lines; a path must stay inside the bag. */
async function readManifest(
  bag: string,
  name: string,
  problems: string[],
): Promise<Map<string, string> | null> {
  const text = await readFile(path.join(bag, name), 'utf8').catch(() => null);
  if (text === null) return null;
  const entries = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!line.trim()) continue;
    const match = /^([0-9a-fA-F]{64})\s+(.+)$/.exec(line);
    if (!match) {
      problems.push(`${name} 有无法识别的行：${line.slice(0, 80)}`);
      continue;
    }
    const rel = decodePath(match[2]!);
    if (path.posix.isAbsolute(rel) || rel.split('/').some((part) => part === '..' || part === '')) {
      problems.push(`${name} 中的路径越出了包：${rel}`);
      continue;
    }
    entries.set(rel, match[1]!.toLowerCase());
  }
  return entries;
}

/**
 * Checks a bag as RFC 8493 asks a validator to: bagit.txt declares the version; every manifest
 * entry exists and has its hash; every payload file is in the manifest; Payload-Oxum matches;
 * the tag manifest's entries exist and match. Symlinks and paths leaving the bag are refused.
 */
export async function checkBag(bag: string, context: JobContext = {}): Promise<BagCheck> {
  const problems: string[] = [];
  const declaration = parseBagInfo(await readFile(path.join(bag, 'bagit.txt'), 'utf8').catch(() => ''));
  if (!declaration.get('BagIt-Version')) problems.push('缺少 bagit.txt 或其中没有 BagIt-Version');
  if ((declaration.get('Tag-File-Character-Encoding') ?? '').toUpperCase() !== 'UTF-8')
    problems.push('bagit.txt 未声明 Tag-File-Character-Encoding: UTF-8');
  const info = parseBagInfo(await readFile(path.join(bag, 'bag-info.txt'), 'utf8').catch(() => ''));

  const manifest = (await readManifest(bag, 'manifest-sha256.txt', problems)) ?? new Map<string, string>();
  if (manifest.size === 0 && !problems.some((p) => p.includes('manifest')))
    problems.push('缺少 manifest-sha256.txt 或其中没有文件');
  const payload: string[] = [];
  const dataDir = path.join(bag, 'data');
  if (await lstat(dataDir).catch(() => null)) await walk(dataDir, bag, payload, problems);
  else problems.push('缺少 data/ 文件夹');
  const present = new Set(payload);
  let bytes = 0;
  let done = 0;
  for (const [rel, expected] of manifest) {
    throwIfCancelled(context.signal);
    context.onProgress?.({ phase: 'check', done: done++, total: manifest.size, current: rel });
    if (!rel.startsWith('data/')) problems.push(`清单中的文件不在 data/ 下：${rel}`);
    else if (!present.has(rel)) problems.push(`清单中的文件不存在：${rel}`);
    else {
      const file = path.join(bag, ...rel.split('/'));
      bytes += (await lstat(file)).size;
      if ((await hashFile(file, context.signal)) !== expected) problems.push(`文件校验值不符：${rel}`);
    }
  }
  for (const rel of payload) if (!manifest.has(rel)) problems.push(`文件不在清单中：${rel}`);
  const oxum = info.get('Payload-Oxum');
  if (oxum && oxum !== `${bytes}.${payload.length}`)
    problems.push(`Payload-Oxum 不符：记为 ${oxum}，实际 ${bytes}.${payload.length}`);

  const tagManifest = await readManifest(bag, 'tagmanifest-sha256.txt', problems);
  for (const [rel, expected] of tagManifest ?? []) {
    const file = path.join(bag, ...rel.split('/'));
    const stats = await lstat(file).catch(() => null);
    if (!stats?.isFile()) problems.push(`标签清单中的文件不存在：${rel}`);
    else if ((await hashFile(file)) !== expected) problems.push(`标签文件校验值不符：${rel}`);
  }
  return { problems, info, manifest };
}
