// Use cases that move the library's contents in and out: registers, catalog export, backup,
// restore and merge. Files come as local paths (desktop, CLI) or as browser uploads.
import { rm, stat, statfs, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  backupLibrary,
  backupZip,
  findBagRoot,
  mergePackage,
  parseBagInfo,
  restoreLibrary,
  unpackZip,
} from '../../core/bag';
import { AppFailure } from '../errors';
import {
  columnFor,
  exportCsv,
  exportJson,
  importRegister,
  previewRegister,
  readRegister,
  type RegisterPreview,
} from '../../core/exchange';
import type { JobContext } from '../../core/jobs';
import { writeFileDurably } from '../../core/storage';
import {
  exportTarget,
  itemOrThrow,
  itemsByCreation,
  safeFileName,
  stamp,
  type AppContext,
  type CallContext,
  type Handlers,
} from '../context';
import { resolveUploadTarget } from '../resources';

type TransferHandlers = Pick<
  Handlers,
  | 'registers.preview'
  | 'registers.import'
  | 'items.export'
  | 'library.backup'
  | 'library.restore'
  | 'library.merge'
>;

interface Upload {
  batchId: string;
  name: string;
}

/** Left free on the disk whatever an upload or an unpacked zip may take. */
const DISK_RESERVE = 256 * 1024 ** 2;

/** Bytes that may still be written to the disk holding `dir`, keeping a reserve. */
export async function writableBytes(dir: string): Promise<number> {
  const fs = await statfs(dir);
  return Math.max(0, fs.bavail * fs.bsize - DISK_RESERVE);
}

/** A path the caller gave: only doors that may name files on this computer may. */
function localPath(given: string, context: CallContext): string {
  if (!context.door.canUseLocalPaths)
    throw new AppFailure('invalid_argument', 'local_path_use_upload');
  return path.resolve(given);
}

/** A staged upload, as its real path; it must have arrived whole. */
async function uploadedFile(app: AppContext, upload: Upload): Promise<string> {
  const file = await resolveUploadTarget(app.library, upload.batchId, upload.name);
  if (!file || !(await stat(file).catch(() => null))?.isFile())
    throw new AppFailure('not_found', 'upload_missing');
  return file;
}

/** Frees an upload batch and what was unpacked from it. */
async function discardUpload(app: AppContext, upload: Upload): Promise<void> {
  await rm(app.library.path('.incoming', upload.batchId), { recursive: true, force: true });
  await rm(unpackDir(app, upload), { recursive: true, force: true });
}

/** Beside the batch, never inside it: no uploaded name can collide with it (batch ids have no dot). */
function unpackDir(app: AppContext, upload: Upload): string {
  return app.library.path('.incoming', `${upload.batchId}.unpacked`);
}

/**
 * Unpacks an uploaded backup zip in the library's staging area and finds the bag in it. What it
 * unpacks to must fit on the disk `share` times over (a restore copies it once more).
 */
async function unpackUploadedBag(app: AppContext, upload: Upload, context: JobContext, share = 1) {
  const zip = await uploadedFile(app, upload);
  const dir = unpackDir(app, upload);
  await rm(dir, { recursive: true, force: true });
  const maxBytes = Math.floor((await writableBytes(app.library.root)) / share);
  await unpackZip(zip, dir, { ...context, maxBytes });
  // The zip itself is no longer needed: its space goes back before the bag is read.
  await rm(zip, { force: true });
  return findBagRoot(dir);
}

/** The register's columns with what each was read as, by the core's column names and aliases. */
function withFields<T extends RegisterPreview>(preview: T): T {
  return {
    ...preview,
    columns: preview.columns.map((c) => ({ ...c, field: columnFor(c.header)?.headers[0] })),
  };
}

/** A new folder name beside the library: `<name>-恢复-<time>`, or with a number if that exists. */
async function freshFolder(parent: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? base : `${base}-${n}`);
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
}

async function restoreUpload(app: AppContext, upload: Upload, context: JobContext) {
  try {
    const bag = await unpackUploadedBag(app, upload, context, 2);
    const info = parseBagInfo(await readFile(path.join(bag, 'bag-info.txt'), 'utf8').catch(() => ''));
    const name = info.get('Wenshi-Library-Name') || app.library.info.name;
    const target = await freshFolder(
      path.dirname(app.library.root),
      `${safeFileName(name)}-恢复-${stamp(app.library.clock())}`,
    );
    try {
      return { ...(await restoreLibrary(bag, target, context)), name };
    } catch (error) {
      // restoreLibrary empties the folder on failure; the folder itself was made here.
      await rm(target, { recursive: true, force: true });
      throw error;
    }
  } finally {
    await discardUpload(app, upload);
  }
}

export function transferUseCases(app: AppContext): TransferHandlers {
  const { library } = app;
  const registerFile = (args: { path?: string; upload?: Upload }, context: CallContext) =>
    args.path ? Promise.resolve(localPath(args.path, context)) : uploadedFile(app, args.upload!);
  return {
    'registers.preview': async (args, context) =>
      withFields(previewRegister(await readRegister(await registerFile(args, context)))),
    'registers.import': async ({ dryRun, ...args }, context) => {
      const result = await importRegister(library, await registerFile(args, context), { ...context, dryRun });
      if (args.upload && !dryRun) await discardUpload(app, args.upload);
      return withFields(result);
    },
    'items.export': async ({ format, itemIds, output }, context) => {
      const items = itemIds ? itemIds.map((id) => itemOrThrow(app, id)) : itemsByCreation(app);
      const target = exportTarget(app, output, context, `目录-${stamp(library.clock())}.${format}`);
      await writeFileDurably(target, format === 'csv' ? exportCsv(items) : exportJson(items));
      return { fileName: path.basename(target), path: target, count: items.length };
    },
    'library.backup': async ({ output }, context) => backupLibrary(library, path.resolve(output), context),
    'library.restore': async ({ bag, target, upload }, context) => {
      if (upload) return restoreUpload(app, upload, context);
      const restored = await restoreLibrary(localPath(bag!, context), localPath(target!, context), context);
      const info = parseBagInfo(await readFile(path.join(bag!, 'bag-info.txt'), 'utf8').catch(() => ''));
      return { ...restored, name: info.get('Wenshi-Library-Name') || path.basename(restored.root) };
    },
    'library.merge': async ({ bag, upload }, context) => {
      if (!upload) return mergePackage(library, localPath(bag!, context), context);
      try {
        return await mergePackage(library, await unpackUploadedBag(app, upload, context), context);
      } finally {
        await discardUpload(app, upload);
      }
    },
  };
}

/**
 * The library as a BagIt zip for the browser to download, streamed as it is made. Only a door that
 * may change the library may take all of it away.
 */
export function backupDownload(
  app: AppContext,
  context: CallContext,
): { fileName: string; stream: Readable; done: Promise<unknown> } {
  if (!context.door.canWrite) throw new AppFailure('read_only', 'backup_download_read_only');
  const fileName = `${safeFileName(app.library.info.name)}-备份-${stamp(app.library.clock())}.zip`;
  return { fileName, ...backupZip(app.library, context) };
}
