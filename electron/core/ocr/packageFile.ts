// OCR's models and word list are files of installed packages, read from disk by native code or by
// worker threads. Inside a packaged app they come from the copy unpacked from app.asar
// (electron-builder.yml's asarUnpack), never from inside the archive.
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A file in the folder of a module a package exports (`entry`, e.g. `tesseract.js/package.json`;
 * a package that exports no package.json is found by another of its modules), as OCR reads it.
 */
export function packageFile(entry: string, ...inside: string[]): string {
  const resolve = createRequire(import.meta.url).resolve;
  return path
    .join(path.dirname(resolve(entry)), ...inside)
    .replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}
