// The page itself over wenshi://app/, so it never runs from file:// (and the file:// privileges fuse
// can stay off). Free of Electron imports so tests can try to break it.
import { readFile } from 'node:fs/promises';
import { resolveRendererFile, type Application } from '../app';
import { libraryResponse } from './libraryProtocol';

/** Where the built page is loaded from. The scheme is registered as standard and secure. */
export const APP_PAGE_URL = 'wenshi://app/index.html';
const APP_HOST = 'app';

/**
 * Sent with every file of the page; the same policy index.html carries in its meta tag (a test holds
 * the two equal), so the page is as strict before the meta tag is parsed as after.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' wenshi: data: blob:; frame-src 'self' wenshi:; object-src 'none'; base-uri 'none'";

const notFound = () => new Response('Not found', { status: 404 });

/** A file of the built page (`rendererDir`), by the one rule both doors use, or 404. */
export async function appResponse(url: string, rendererDir: string, method = 'GET'): Promise<Response> {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'wenshi:' || parsed.hostname !== APP_HOST) return notFound();
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound();
  }
  const file = await resolveRendererFile(rendererDir, pathname === '/' ? 'index.html' : pathname);
  // readFile, not a stream: inside app.asar only Electron's patched readFile reads in place.
  const body = file ? await readFile(file.path).catch(() => null) : null;
  if (!file || !body) return notFound();
  const headers = {
    ...file.headers,
    'Content-Length': String(body.length),
    'Content-Security-Policy': DESKTOP_CONTENT_SECURITY_POLICY,
  };
  return new Response(method === 'HEAD' ? null : body, { headers });
}

/**
 * Every wenshi:// request: the page's own files from wenshi://app/, library files and exports from
 * the open library (none while it is being switched).
 */
export async function wenshiResponse(
  request: { url: string; method: string },
  rendererDir: string,
  library: Pick<Application, 'resource'> | undefined,
): Promise<Response> {
  let host: string;
  try {
    host = new URL(request.url).hostname;
  } catch {
    return notFound();
  }
  if (host === APP_HOST) return appResponse(request.url, rendererDir, request.method);
  return library ? libraryResponse(request.url, library, request.method) : notFound();
}
