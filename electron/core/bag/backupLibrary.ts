import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Library } from '../library';
import type { JobContext } from '../jobs';
import { isTempName } from '../storage';
import { writeBag, type PayloadFile } from './bagit';

/** Left out of a backup: the lock, what is regenerated from the rest, uploads being staged, and half-written temp files. */
const EXCLUDED_TOP = new Set(['library.lock', 'derived', 'index', '.incoming']);
const isTransient = (name: string) => isTempName(name) || /\.part-\d+$/.test(name);

async function collect(dir: string, rel: string, out: PayloadFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if ((!rel && EXCLUDED_TOP.has(entry.name)) || isTransient(entry.name)) continue;
    if (entry.isDirectory()) await collect(path.join(dir, entry.name), childRel, out);
    else if (entry.isFile()) out.push({ rel: childRel, source: path.join(dir, entry.name) });
  }
}

function date(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * What a backup holds, in the order it is written: library.json and the catalog before the
 * originals, so an original is stored before any copied item refers to it, even if someone edits
 * meanwhile.
 */
export async function backupPayload(library: Library): Promise<PayloadFile[]> {
  const payload: PayloadFile[] = [];
  await collect(library.root, '', payload);
  const rank = (rel: string) =>
    rel === 'library.json' ? 0 : rel.startsWith('catalog/') ? 1 : rel.startsWith('files/') ? 3 : 2;
  return payload.sort((a, b) => rank(a.rel) - rank(b.rel));
}

/** bag-info.txt's labels for a backup of this library. */
export function backupInfo(library: Library, originals: number): [string, string][] {
  return [
    ['Bag-Software-Agent', '文史典藏 Wenshi'],
    ['Bagging-Date', date(library.clock())],
    ['External-Description', `文史典藏资料库「${library.info.name}」的备份`],
    ['Wenshi-Library-Name', library.info.name],
    ['Wenshi-Format-Version', String(library.info.formatVersion)],
    ['Wenshi-Item-Count', String(library.catalog.size)],
    ['Wenshi-File-Count', String(originals)],
  ];
}

export interface BackupResult {
  path: string;
  payloadFiles: number;
  payloadBytes: number;
  itemCount: number;
  originals: number;
}

/** Writes the library as a BagIt package in the folder `out` (see `backupPayload` for the order). */
export async function backupLibrary(
  library: Library,
  out: string,
  context: JobContext = {},
): Promise<BackupResult> {
  const payload = await backupPayload(library);
  const originals = payload.filter((f) => f.rel.startsWith('files/')).length;
  const itemCount = library.catalog.size;
  const { bytes, files } = await writeBag(out, payload, backupInfo(library, originals), context);
  return { path: out, payloadFiles: files, payloadBytes: bytes, itemCount, originals };
}
