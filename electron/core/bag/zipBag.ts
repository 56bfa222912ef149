import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { WenshiError, throwIfCancelled } from '../errors';
import type { Library } from '../library';
import type { JobContext } from '../jobs';
import { backupInfo, backupPayload, type BackupResult } from './backupLibrary';
import { encodePath, tagFiles } from './bagit';

/** The catalog, logs and settings compress well; originals (photos, recordings, PDFs) are compressed already. */
const COMPRESSIBLE = /\.(json|jsonl|txt|csv|md|srt|vtt|xml)$/i;

export interface BagZip {
  /** The zip's bytes, to be piped to a download; it ends only after the tag files are written. */
  stream: Readable;
  /** Settles when the zip is complete (or fails or is cancelled; the stream is then destroyed). */
  done: Promise<Omit<BackupResult, 'path'>>;
}

/** Resolves when the archive has written the entry it was given, or throws when it was destroyed. */
function entryWritten(archive: ZipArchive): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off('entry', onEntry);
      archive.off('error', onError);
      archive.off('close', onClose);
    };
    const onEntry = () => (cleanup(), resolve());
    const onError = (error: Error) => (cleanup(), reject(error));
    const onClose = () => (cleanup(), reject(new WenshiError('cancelled', 'backup_download_interrupted')));
    archive.on('entry', onEntry);
    archive.on('error', onError);
    archive.on('close', onClose);
  });
}

/**
 * The library as a BagIt bag inside a zip, made while it is read: one file at a time is read,
 * hashed and written to the stream, at the pace the reader takes it (several gigabytes never sit
 * in memory or in a temporary zip). The manifests follow the payload, which a zip allows, so the
 * unpacked folder is a bag like the one `backupLibrary` writes.
 */
export function backupZip(library: Library, context: JobContext = {}): BagZip {
  const archive = new ZipArchive({ zlib: { level: 6 }, highWaterMark: 1024 * 1024 });
  const stop = () => archive.destroy(new WenshiError('cancelled', 'cancelled'));
  context.signal?.addEventListener('abort', stop, { once: true });
  const date = library.clock();
  let reading: Readable | undefined;
  const done = (async () => {
    const payload = await backupPayload(library);
    const originals = payload.filter((f) => f.rel.startsWith('files/')).length;
    const manifest: string[] = [];
    let bytes = 0;
    for (const [index, file] of payload.entries()) {
      throwIfCancelled(context.signal);
      context.onProgress?.({ phase: 'backup', done: index, total: payload.length, current: file.rel });
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          hash.update(chunk);
          size += chunk.length;
          next(null, chunk);
        },
      });
      const source = createReadStream(file.source, { highWaterMark: 1024 * 1024 });
      source.on('error', (error) => tap.destroy(error));
      reading = source;
      const written = entryWritten(archive);
      archive.append(source.pipe(tap), {
        name: `data/${file.rel}`,
        date,
        store: !COMPRESSIBLE.test(file.rel),
      });
      await written;
      manifest.push(`${hash.digest('hex')}  data/${encodePath(file.rel)}`);
      bytes += size;
    }
    for (const [name, text] of tagFiles(manifest, backupInfo(library, originals), bytes, payload.length)) {
      const written = entryWritten(archive);
      archive.append(text, { name, date });
      await written;
    }
    await archive.finalize();
    context.onProgress?.({ phase: 'backup', done: payload.length, total: payload.length });
    return { payloadFiles: payload.length, payloadBytes: bytes, itemCount: library.catalog.size, originals };
  })();
  // A failure cuts the download short: a zip without its end is never taken for a whole backup.
  done
    .catch((error: Error) => {
      // The file being read is closed too: a download cut short must not keep it open.
      reading?.destroy();
      if (!archive.destroyed) archive.destroy(error);
    })
    .finally(() => context.signal?.removeEventListener('abort', stop));
  return { stream: archive, done };
}
