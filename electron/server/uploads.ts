import { constants } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** One file may be as large as a long interview recording or a big scan; it is streamed to disk. */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

export class UploadTooLarge extends Error {
  constructor() {
    super('文件太大');
  }
}

/**
 * Streams a file sent by the browser (browser mode cannot hand the server a path) to its staging
 * target (from `resolveUploadTarget`), from where `uploads.import` imports it.
 */
export async function receiveUpload(req: http.IncomingMessage, target: string): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new UploadTooLarge();
  await mkdir(path.dirname(target), { recursive: true });
  let received = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_UPLOAD_BYTES) {
      tooLarge = true;
      req.destroy(new UploadTooLarge());
    }
  });
  // O_NOFOLLOW: a link put in place of the target is not written through.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);
  try {
    const file = await open(target, flags, 0o644);
    await pipeline(req, file.createWriteStream());
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw tooLarge ? new UploadTooLarge() : error;
  }
  return received;
}
