import path from 'node:path';

export const THUMBNAIL_SIZE = 256;
export const PREVIEW_SIZE = 1600;

export interface DerivedPaths {
  thumbnail: string;
  preview: string;
}

/** Thumbnails and previews live in `derived/` under the original's hash: regenerable, shared by duplicates. */
export function derivedPaths(libraryRoot: string, sha256: string): DerivedPaths {
  const dir = path.join(libraryRoot, 'derived', sha256.slice(0, 2));
  return {
    thumbnail: path.join(dir, `${sha256}-${THUMBNAIL_SIZE}.webp`),
    preview: path.join(dir, `${sha256}-${PREVIEW_SIZE}.jpg`),
  };
}
