import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WenshiError } from '../errors';
import { bytesShort, isDiskFull, megabytes, storageError, tempPathFor } from '../storage';

/** Streams a file through SHA-256 without reading it into memory (originals can be gigabytes). */
export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: with the default 64 KiB, per-chunk overhead made hashing 2 GB take 8× as long.
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), hash, { signal });
  return hash.digest('hex');
}

/**
 * Originals, stored once each under their SHA-256 (`files/ab/abcd….ext`) and never modified.
 * The extension is kept so a person browsing the folder can open the file.
 */
export class FileStore {
  constructor(private readonly dir: string) {}

  /**
   * Where an original lives. Only the hash and a cleaned, short extension reach the disk: the
   * original name (which may hold `..`, control characters or 255 bytes) stays in the catalog.
   */
  pathFor(sha256: string, originalName: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw new WenshiError('invalid_argument', 'not_sha256', { value: sha256.slice(0, 80) });
    const ext = path
      .extname(originalName)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 10);
    return path.join(this.dir, sha256.slice(0, 2), ext ? `${sha256}.${ext}` : sha256);
  }

  async has(sha256: string, originalName: string): Promise<boolean> {
    try {
      await stat(this.pathFor(sha256, originalName));
      return true;
    } catch {
      return false;
    }
  }

  /** Copies `source` in (durably), returning its hash; a file already stored is not copied again. */
  async put(source: string, sha256: string, originalName: string): Promise<{ sha256: string; path: string }> {
    const target = this.pathFor(sha256, originalName);
    if (await this.has(sha256, originalName)) return { sha256, path: target };
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = tempPathFor(target);
    try {
      await copyFile(source, tmp);
      const handle = await open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The copy is checked against the hash of the source before it takes its name.
      if ((await hashFile(tmp)) !== sha256) throw new Error(`复制后校验失败：${originalName}`);
      await rename(tmp, target);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      if (!isDiskFull(error)) throw storageError(error);
      const size = (await stat(source).catch(() => null))?.size ?? 0;
      const missing = megabytes((await bytesShort(path.dirname(target), [size])) ?? 0);
      throw new WenshiError('io', 'disk_full_import', { name: originalName, mb: missing });
    }
    return { sha256, path: target };
  }
}
