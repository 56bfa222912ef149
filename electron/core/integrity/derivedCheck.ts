import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { derivedPaths, type Library } from '../library';
import { fileTypeOf } from '../ingest/fileTypes';
import { makeDerivatives } from '../ingest/photos';
import { isTempName } from '../storage';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import type { IntegrityProblem } from './verifyLibrary';

const slashes = (p: string) => p.split(path.sep).join('/');

interface Expected {
  sha256: string;
  /** The original it is made from. */
  original: string;
  itemIds: string[];
}

/** Every preview and thumbnail the catalog calls for (one pair per stored image), by path relative to the library. */
function expectedDerived(library: Library): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const item of library.catalog.all())
    for (const ref of item.files) {
      if (fileTypeOf(ref.name)?.reader !== 'image' && !ref.mime.startsWith('image/')) continue;
      const paths = derivedPaths(library.root, ref.sha256);
      for (const file of [paths.thumbnail, paths.preview]) {
        const rel = slashes(path.relative(library.root, file));
        const entry = expected.get(rel) ?? {
          sha256: ref.sha256,
          original: library.files.pathFor(ref.sha256, ref.name),
          itemIds: [],
        };
        if (!entry.itemIds.includes(item.id)) entry.itemIds.push(item.id);
        expected.set(rel, entry);
      }
    }
  return expected;
}

/** What is in derived/: regular files, and links (never followed), by path relative to the library. */
async function listDerived(library: Library): Promise<{ files: Set<string>; links: string[] }> {
  const files = new Set<string>();
  const links: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const info = await lstat(library.path(...rel.split('/'))).catch(() => null);
    if (!info) return;
    if (info.isSymbolicLink()) links.push(rel);
    else if (info.isFile()) files.add(rel);
    else if (info.isDirectory())
      for (const name of await readdir(library.path(...rel.split('/'))).catch(() => [] as string[]))
        await walk(`${rel}/${name}`);
  };
  await walk('derived');
  return { files, links };
}

/**
 * derived/ checked both ways: a preview or thumbnail an image calls for that is missing, a file
 * there no image calls for (left by a failed import), and a link (which a door would refuse to
 * send and which may lead out of the library). Temporary files are left to the temp-file check.
 */
export async function derivedProblems(library: Library): Promise<IntegrityProblem[]> {
  const expected = expectedDerived(library);
  const { files, links } = await listDerived(library);
  const problems: IntegrityProblem[] = [];
  for (const [rel, { itemIds }] of expected)
    if (!files.has(rel))
      problems.push({ kind: 'derivable', path: rel, itemIds, message: `缩略图或预览图缺失，可重建：${rel}` });
  for (const rel of files)
    if (!expected.has(rel) && !isTempName(path.posix.basename(rel)))
      problems.push({
        kind: 'orphan',
        path: rel,
        itemIds: [],
        message: `没有图片使用的缩略图或预览图：${rel}`,
      });
  for (const rel of links)
    problems.push({ kind: 'link', path: rel, itemIds: [], message: `缩略图文件夹中不应有符号链接：${rel}` });
  return problems;
}

/**
 * Removes links and unused files from derived/ (all of it can be made again) and remakes missing
 * previews and thumbnails from the originals with the import's own code. An image whose original
 * is missing or unreadable cannot be remade; it stays reported.
 */
export async function repairDerived(library: Library, context: JobContext = {}): Promise<string[]> {
  const problems = await derivedProblems(library);
  const done: string[] = [];
  for (const problem of problems) {
    if (problem.kind === 'derivable') continue;
    await unlink(library.path(...problem.path.split('/'))).then(
      () => done.push(`已删除：${problem.path}`),
      () => undefined,
    );
  }
  const expected = expectedDerived(library);
  const missing = new Map<string, Expected>();
  for (const problem of problems)
    if (problem.kind === 'derivable') {
      const entry = expected.get(problem.path)!;
      missing.set(entry.sha256, entry);
    }
  let index = 0;
  for (const { sha256, original } of missing.values()) {
    throwIfCancelled(context.signal);
    context.onProgress?.({
      phase: 'repair',
      done: index++,
      total: missing.size,
      current: sha256.slice(0, 12),
    });
    try {
      await makeDerivatives(original, sha256, library.root);
      const paths = derivedPaths(library.root, sha256);
      for (const file of [paths.thumbnail, paths.preview])
        done.push(`已重建：${slashes(path.relative(library.root, file))}`);
    } catch {
      // Left missing: the next check reports it, and the report says why it could not be remade.
    }
  }
  return done;
}
