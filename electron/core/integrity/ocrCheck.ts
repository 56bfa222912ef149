import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Library } from '../library';
import type { Item } from '../model';
import { OcrStore } from '../ocr/ocrStore';
import { isTempName } from '../storage';
import type { IntegrityProblem } from './verifyLibrary';

function problem(rel: string, itemIds: string[], message: string): IntegrityProblem {
  return { kind: 'ocr', path: rel, itemIds, message };
}

/** What is wrong with one page file of an item's folder, or null when it is a page of one of its originals. */
async function pageProblem(
  library: Library,
  rel: string,
  item: Item | undefined,
): Promise<IntegrityProblem | null> {
  const name = path.posix.basename(rel);
  if (!item) return problem(rel, [], `识别结果不属于任何条目：${rel}`);
  const named = OcrStore.parseName(name);
  const raw = named ? await readFile(library.path(...rel.split('/')), 'utf8').catch(() => null) : null;
  const page = raw === null ? null : OcrStore.parsePage(raw);
  if (!named || !page || page.file !== named.sha256 || page.page !== named.page)
    return problem(rel, [item.id], `识别结果文件已损坏或不是识别结果，可删除后重新识别：${rel}`);
  if (!item.files.some((f) => f.sha256 === named.sha256))
    return problem(rel, [item.id], `识别结果所属的原件已不在条目中：${rel}`);
  return null;
}

/**
 * The pages OCR read (`ocr/<item>/<original's hash>-<page>.json`) are catalog data, kept in backups
 * and merges: a page file that does not parse, that belongs to no item, or to an original its
 * item no longer has, is named. Links are the link check's; files being written, the temp check's.
 */
export async function ocrProblems(library: Library): Promise<IntegrityProblem[]> {
  const items = new Map(library.catalog.all().map((item) => [OcrStore.dirName(item.id), item]));
  const problems: IntegrityProblem[] = [];
  for (const entry of await readdir(OcrStore.folder(library.root), { withFileTypes: true }).catch(() => [])) {
    const rel = `ocr/${entry.name}`;
    if (entry.isFile() && !isTempName(entry.name))
      problems.push(problem(rel, [], `识别结果文件夹中有不属于任何条目的文件：${rel}`));
    if (!entry.isDirectory()) continue;
    // A folder that cannot be listed has nothing to name here (removed meanwhile, or unreadable).
    const pages = await readdir(path.join(OcrStore.folder(library.root), entry.name), {
      withFileTypes: true,
    }).catch(() => []);
    for (const page of pages) {
      if (!page.isFile() || isTempName(page.name)) continue;
      const found = await pageProblem(library, `${rel}/${page.name}`, items.get(entry.name));
      if (found) problems.push(found);
    }
  }
  return problems;
}
