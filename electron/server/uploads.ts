import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** One file may be as large as a long interview recording or a big scan; it is streamed to disk. */
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;
const BATCH_ID = /^[a-z0-9-]{8,64}$/;

/**
 * A file sent by the browser (browser mode cannot hand the server a path) into the library's
 * staging folder `.incoming/<batch>/<relative path>`, from where `uploads.import` imports it.
 * The relative path keeps the dropped folder's structure; `..`, empty and control-character
 * segments are removed so nothing lands outside the batch folder.
 */
export function stagingPathFor(libraryRoot: string, batchId: string, relative: string): string | null {
  if (!BATCH_ID.test(batchId)) return null;
  const segments = relative
    .split(/[\\/]+/)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .map((s) => s.replace(/[\u0000-\u001f]/g, '').trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length === 0) return null;
  const batchDir = path.join(libraryRoot, '.incoming', batchId);
  const target = path.join(batchDir, ...segments);
  return path.relative(batchDir, target).startsWith('..') ? null : target;
}

export async function receiveUpload(req: http.IncomingMessage, target: string): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new Error('文件太大');
  await mkdir(path.dirname(target), { recursive: true });
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('文件太大'));
  });
  try {
    await pipeline(req, createWriteStream(target));
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error;
  }
  return received;
}
