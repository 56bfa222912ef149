import path from 'node:path';
import type { ItemKind } from '../model';
import { fileTypeOf, isTranscript } from './fileTypes';

export interface PlannedFile {
  path: string;
  size: number;
  /** What the file is to its item: audio, transcript, front, back, page. */
  role?: string;
}

export interface PlannedItem {
  kind: ItemKind;
  /** The shared name of the files, for a title when the text offers none. */
  name: string;
  files: PlannedFile[];
}

/** `x_front`, `x-back`, `x正面`, `x-1`, `x_2`: parts of one thing. One digit only, so IMG_0001 is not a part. */
const PART = /^(.+?)(?:[-_ ]?(正面|背面)|[-_ ](front|back|[1-9]))$/i;

function partOf(stem: string): { base: string; order: number; role: string } | undefined {
  const match = PART.exec(stem);
  if (!match) return undefined;
  const word = (match[2] ?? match[3]!).toLowerCase();
  const order =
    word === 'front' || word === '正面' ? 1 : word === 'back' || word === '背面' ? 2 : Number(word);
  return { base: match[1]!, order, role: order === 1 ? 'front' : order === 2 ? 'back' : 'page' };
}

const collator = new Intl.Collator('zh', { numeric: true });
const stemOf = (file: string) => path.basename(file, path.extname(file));

/**
 * Groups the files of one import into items, folder by folder (folders and names in natural
 * order: 第2卷 before 第10卷), items in the order of their first file's name:
 * 1. Photos named as parts of one thing (`x_front`/`x_back`, `x正面`/`x背面`, `x-1`/`x-2` …) are one
 *    photo item, when at least two share the name.
 * 2. Recordings named as parts (`访谈-1.mp3`, `访谈-2.mp3`) are one oral history, and a transcript
 *    (txt, md, doc, docx, srt, vtt) with the same name as the recording (or as its parts) joins it.
 * 3. Every other file is an item of its own, of the kind its type suggests.
 */
export function groupFiles(files: PlannedFile[]): PlannedItem[] {
  const byFolder = new Map<string, PlannedFile[]>();
  for (const file of files) {
    const dir = path.dirname(file.path);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), file]);
  }
  const items: PlannedItem[] = [];
  for (const dir of [...byFolder.keys()].sort(compareFolders)) {
    const folder = byFolder.get(dir)!.sort((a, b) => collator.compare(a.path, b.path));
    const taken = new Set<PlannedFile>();
    const start = items.length;

    for (const reader of ['image', 'audio'] as const) {
      const parts = new Map<string, { file: PlannedFile; order: number; role: string }[]>();
      for (const file of folder) {
        if (fileTypeOf(file.path)?.reader !== reader) continue;
        const part = partOf(stemOf(file.path));
        if (!part) continue;
        const key = part.base.toLowerCase();
        parts.set(key, [...(parts.get(key) ?? []), { file, ...part }]);
      }
      for (const [, members] of parts) {
        if (members.length < 2) continue;
        members.sort((a, b) => a.order - b.order);
        const name = members[0]!.file.path;
        items.push({
          kind: reader === 'image' ? 'photo' : 'oral',
          name: partOf(stemOf(name))!.base,
          files: members.map(({ file, role }) => ({ ...file, role: reader === 'image' ? role : 'audio' })),
        });
        members.forEach(({ file }) => taken.add(file));
      }
    }

    // Recordings not yet in a group are each their own oral history.
    for (const file of folder) {
      if (taken.has(file) || fileTypeOf(file.path)?.reader !== 'audio') continue;
      items.push({ kind: 'oral', name: stemOf(file.path), files: [{ ...file, role: 'audio' }] });
      taken.add(file);
    }
    const orals = new Map(
      items
        .filter((item) => item.kind === 'oral' && path.dirname(item.files[0]!.path) === dir)
        .map((item) => [item.name.toLowerCase(), item]),
    );
    for (const file of folder) {
      if (taken.has(file)) continue;
      const oral = isTranscript(file.path) ? orals.get(stemOf(file.path).toLowerCase()) : undefined;
      if (oral) oral.files.push({ ...file, role: 'transcript' });
      else items.push({ kind: fileTypeOf(file.path)!.kind, name: stemOf(file.path), files: [file] });
      taken.add(file);
    }
    // The plan's order is the 档号 order: a folder's items by the name of their first file.
    const folderItems = items
      .splice(start)
      .sort((a, b) => collator.compare(a.files[0]!.path, b.files[0]!.path));
    items.push(...folderItems);
  }
  return items;
}

/** Folders by their path, part by part: a folder's own subfolders come right after it. */
function compareFolders(a: string, b: string): number {
  const partsA = a.split(path.sep);
  const partsB = b.split(path.sep);
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const order = collator.compare(partsA[i]!, partsB[i]!);
    if (order !== 0) return order;
  }
  return partsA.length - partsB.length;
}
