/**
 * The one rule by which a door reads or writes a file of the library. Both the desktop `wenshi://`
 * protocol and the browser door's HTTP server go through here, so a link planted in the library,
 * a crafted name or a catalog field cannot make one door serve what the other refuses.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { derivedPaths, type Library } from '../core/library';
import { DOWNLOAD_ONLY, SNIFF_BYTES, sniffContentType, type ContentType } from './contentType';

/** The open library, as the doors hand it over (they name no core module themselves). */
export type { Library };

export type ResourceRequest =
  { kind: 'original' | 'thumb' | 'preview'; sha256: string } | { kind: 'export'; name: string };

/** A file opened for reading, with the headers every door sends with it. */
export interface Resource {
  /** Its real path, inside the library. */
  path: string;
  size: number;
  type: ContentType;
  /** Content-Type, Content-Length, Content-Disposition, nosniff and, where it applies, a sandbox CSP. */
  headers: Record<string, string>;
  /** The content; closes the file when read to the end or destroyed. Call once, or `close()`. */
  stream(): Readable;
  /** For a door that answers without the content (HEAD). */
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;
// Windows has no O_NOFOLLOW; the lstat walk below still refuses links there.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Whether `inner` lies strictly below `outer`. */
export function isBelow(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The real path of `candidate` if it lies below `root`, reached without any symbolic link below the
 * root (the root itself may live behind one), and is a regular file; otherwise null. With
 * `allowMissing` the last parts may not exist yet (a file about to be written); what exists must
 * still be real folders.
 */
export async function confinedPath(
  root: string,
  candidate: string,
  options: { allowMissing?: boolean } = {},
): Promise<string | null> {
  const relative = path.relative(root, candidate);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return null;
  const parts = relative.split(path.sep);
  let current = realRoot;
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => null);
    if (!info) return options.allowMissing ? path.join(realRoot, ...parts) : null;
    const last = index === parts.length - 1;
    if (info.isSymbolicLink()) return null;
    if (last ? !info.isFile() : !info.isDirectory()) return null;
  }
  // No link was followed, so this holds by construction; checked again because it is the point.
  const real = await realpath(current).catch(() => null);
  return real && isBelow(realRoot, real) ? real : null;
}

/** An RFC 6266 Content-Disposition that keeps a Chinese file name. */
export function disposition(how: 'inline' | 'attachment', fileName?: string): string {
  if (!fileName) return how;
  // The ASCII fallback drops what a quoted string cannot carry.
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${how}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The headers for a file of this type. What a browser could run as a page (HTML, SVG, XML, text it
 * cannot place) is only ever a download, in a sandbox; images, audio, video and PDF are shown with
 * the type their content has. PDF gets no sandbox: it would stop Chromium's PDF viewer.
 */
export function resourceHeaders(
  type: ContentType,
  size: number,
  options: { fileName?: string; download?: boolean } = {},
): Record<string, string> {
  const inline = type.inline && !options.download;
  const headers: Record<string, string> = {
    'Content-Type': type.inline ? type.mime : DOWNLOAD_ONLY.mime,
    'Content-Length': String(size),
    'Content-Disposition': disposition(inline ? 'inline' : 'attachment', options.fileName),
    'X-Content-Type-Options': 'nosniff',
  };
  if (type.mime !== 'application/pdf' || !type.inline) headers['Content-Security-Policy'] = 'sandbox';
  return headers;
}

async function openConfined(file: string): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle | undefined;
  try {
    // O_NOFOLLOW: a link swapped in after the check above is still not followed.
    handle = await open(file, constants.O_RDONLY | NO_FOLLOW);
    const info = await handle.stat();
    if (info.isFile()) return { handle, size: info.size };
  } catch {
    // gone, a link, or unreadable: not served
  }
  await handle?.close();
  return null;
}

async function sniff(handle: FileHandle, size: number): Promise<ContentType> {
  const sample = Buffer.alloc(Math.min(SNIFF_BYTES, size));
  const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
  return sniffContentType(sample.subarray(0, bytesRead), bytesRead >= size);
}

/** Where a request may be found, in order of preference, with the name it is downloaded under. */
function candidates(library: Library, request: ResourceRequest): { file: string; name?: string }[] {
  if (request.kind === 'export') {
    const name = request.name;
    // A bare file name: no separators, no `..`, nothing a file system would read as a path.
    // eslint-disable-next-line no-control-regex -- control characters are not in file names
    if (!name || name === '.' || name === '..' || /[\\/\u0000-\u001f]/.test(name)) return [];
    return [{ file: library.path('exports', name), name }];
  }
  if (!SHA256.test(request.sha256)) return [];
  // Only a hash the catalog knows: an id, never a path.
  const ref = library.catalog.fileRef(request.sha256);
  if (!ref) return [];
  const original = { file: library.files.pathFor(request.sha256, ref.name), name: ref.name };
  if (request.kind === 'original') return [original];
  const derived = derivedPaths(library.root, request.sha256);
  // Photos without a thumbnail yet (or other files) fall back to the original.
  return [{ file: request.kind === 'thumb' ? derived.thumbnail : derived.preview }, original];
}

/**
 * Maps an opaque request (a content hash, an export's file name) to a file inside the library,
 * opened for reading, or null. Refuses hashes the catalog does not know, names that are paths,
 * symbolic links anywhere below the library folder, and anything but regular files. The type is
 * sniffed from the content, never taken from the catalog.
 */
export async function resolveResource(
  library: Library,
  request: ResourceRequest,
  /** Exports are downloads unless shown in the app's preview frame. */
  options: { inline?: boolean } = {},
): Promise<Resource | null> {
  for (const candidate of candidates(library, request)) {
    const real = await confinedPath(library.root, candidate.file);
    const opened = real ? await openConfined(real) : null;
    if (!real || !opened) continue;
    const { handle, size } = opened;
    let type: ContentType;
    try {
      type = await sniff(handle, size);
    } catch {
      await handle.close();
      continue;
    }
    const download = request.kind === 'export' && !options.inline;
    return {
      path: real,
      size,
      type,
      headers: resourceHeaders(type, size, { fileName: candidate.name, download }),
      stream: () => handle.createReadStream({ start: 0, autoClose: true }),
      close: () => handle.close(),
    };
  }
  return null;
}

const BATCH_ID = /^[a-z0-9-]{8,64}$/;

/**
 * Where a file uploaded by the browser is staged: `.incoming/<batch>/<relative path>`, keeping the
 * dropped folder's structure. `..`, empty and control-character segments are removed; the target
 * must lie in the batch folder and be reached through real folders only (a link planted in
 * `.incoming` cannot redirect a write out of the library).
 */
export async function resolveUploadTarget(
  library: Library,
  batchId: string,
  relative: string,
): Promise<string | null> {
  if (!BATCH_ID.test(batchId)) return null;
  const segments = relative
    .split(/[\\/]+/)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .map((s) => s.replace(/[\u0000-\u001f]/g, '').trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length === 0) return null;
  const batchDir = library.path('.incoming', batchId);
  const target = path.join(batchDir, ...segments);
  if (!isBelow(batchDir, target)) return null;
  return confinedPath(library.root, target, { allowMissing: true });
}
