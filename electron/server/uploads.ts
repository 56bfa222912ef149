import { constants } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';

/** One file may be as large as a long interview recording or a big scan; it is streamed to disk. */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super('文件太大');
  }
}

/**
 * Streams a file sent by the browser (browser mode cannot hand the server a path) to its staging
 * target (from `resolveUploadTarget`), from where `uploads.import` imports it. The request's own
 * body stream is read, so the file never sits in memory whole.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number,
  target: string,
  /** Also bounded by what the disk can take (`Application.uploadLimit`). */
  limit = MAX_UPLOAD_BYTES,
): Promise<number> {
  const max = Math.min(limit, MAX_UPLOAD_BYTES);
  if (declaredLength > max) throw new UploadTooLarge(max);
  await mkdir(path.dirname(target), { recursive: true });
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > max ? new UploadTooLarge(max) : null, chunk);
    },
  });
  // O_NOFOLLOW: a link put in place of the target is not written through.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);
  const file = await open(target, flags, 0o644);
  const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
  try {
    await pipeline(source, counted, file.createWriteStream());
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error instanceof UploadTooLarge ? error : new Error('上传中断');
  }
  return received;
}
