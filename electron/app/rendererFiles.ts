/**
 * The built page's own files (out/renderer), as the doors serve them: the desktop's `wenshi://app/`
 * and the browser door's server. One rule for both, the same confinement as a library file
 * (`confinedPath`): the real path must lie below the renderer folder, reached through real folders,
 * and be a regular file. The type comes from the extension, which the build chose.
 */
import path from 'node:path';
import { confinedPath } from './resources';

/** The renderer's own files, written by the build: typed by their extension. */
const RENDERER_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface RendererFile {
  /** Its real path, inside the renderer folder. */
  path: string;
  /** Content-Type and nosniff; each door adds its own Content-Security-Policy. */
  headers: Record<string, string>;
}

/**
 * The file of the built page that `urlPath` names (as a URL path, percent-decoded by the door), or
 * null. `..` cannot climb out (the path is normalised below the renderer folder first, and what is
 * left must still resolve inside it), nor can a symbolic link, nor a NUL byte.
 */
export async function resolveRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  if (urlPath.includes('\0')) return null;
  const relative = path.posix.normalize('/' + urlPath.replaceAll('\\', '/'));
  const real = await confinedPath(rendererDir, path.join(rendererDir, '.' + relative));
  if (!real) return null;
  return {
    path: real,
    headers: {
      'Content-Type': RENDERER_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
