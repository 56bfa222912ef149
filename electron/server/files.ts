/**
 * Routes that send files: library files and exports (through the application layer's one resolver,
 * the same the desktop protocol uses) and the built renderer. Everything is streamed.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import type { Env } from './routes';
import { HTTP_EXPORTS_PREFIX, HTTP_FILES_PREFIX } from '../contract';
import { resolveRendererFile, type Application, type Resource } from '../app';
import { refuse, TEXT } from './guards';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const notFound = (c: Context) => c.body('404 文件不存在', 404, { 'Content-Type': TEXT });

/** A resolved file as a response; HEAD gets the headers and the file is closed unread. */
async function send(c: Context, resource: Resource | null): Promise<Response> {
  if (!resource) return notFound(c);
  if (c.req.method === 'HEAD') {
    await resource.close();
    return new Response(null, { status: 200, headers: resource.headers });
  }
  const body = Readable.toWeb(resource.stream()) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: resource.headers });
}

async function rendererFile(
  c: Context,
  rendererDir: string,
  relative: string,
  extraHeaders: Record<string, string>,
): Promise<Response | null> {
  const file = await resolveRendererFile(rendererDir, relative);
  const handle = file ? await open(file.path).catch(() => null) : null;
  if (!file || !handle) return null;
  const { size } = await handle.stat();
  const headers = {
    ...file.headers,
    'Content-Length': String(size),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...extraHeaders,
  };
  if (c.req.method === 'HEAD') {
    await handle.close();
    return new Response(null, { status: 200, headers });
  }
  return new Response(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, {
    status: 200,
    headers,
  });
}

export function fileRoutes(
  app: Hono<Env>,
  library: Pick<Application, 'resource'>,
  rendererDir: string,
): void {
  app.get(`${HTTP_FILES_PREFIX}:sha256`, async (c) => {
    const size = c.req.query('size');
    const kind = size === 'thumb' || size === 'preview' ? size : 'original';
    return send(c, await library.resource({ kind, sha256: c.req.param('sha256') }));
  });

  // ?inline=1 shows a PDF in the app's preview frame instead of downloading it.
  app.get(`${HTTP_EXPORTS_PREFIX}:name`, async (c) =>
    send(
      c,
      await library.resource(
        { kind: 'export', name: c.req.param('name') },
        { inline: c.req.query('inline') !== undefined },
      ),
    ),
  );

  app.get('*', async (c) => {
    const relative = decodeURIComponent(c.req.path);
    if (
      relative !== '/' &&
      !relative.startsWith(HTTP_FILES_PREFIX) &&
      !relative.startsWith(HTTP_EXPORTS_PREFIX)
    ) {
      // Vite names each built script and style by its content: a name never changes meaning, so
      // a reload takes them from the cache and Chromium keeps their compiled code.
      const immutable: Record<string, string> = relative.startsWith('/assets/')
        ? { 'Cache-Control': 'public, max-age=31536000, immutable' }
        : {};
      const asset = await rendererFile(c, rendererDir, relative, immutable);
      if (asset) return asset;
    }
    if (relative.startsWith(HTTP_FILES_PREFIX) || relative.startsWith(HTTP_EXPORTS_PREFIX))
      return notFound(c);
    // Client-side routes all load the app shell.
    const shell = await rendererFile(c, rendererDir, 'index.html', { 'Cache-Control': 'no-store' });
    return shell ?? c.body('界面文件缺失：请先运行 npm run build', 500, { 'Content-Type': TEXT });
  });

  // Anything but GET/HEAD outside the API is not a thing this server does.
  app.all('*', (c) => refuse(c, 405, '405 不支持此请求方法'));
}
