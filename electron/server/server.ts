import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  HTTP_API_PREFIX,
  HTTP_EXPORTS_PREFIX,
  HTTP_FILES_PREFIX,
  HTTP_UPLOADS_PREFIX,
  HTTP_TOKEN_COOKIE,
  type ApiEvent,
  type CallMeta,
} from '../contract';
import type { Application, DoorPolicy } from '../app';
import { receiveUpload, stagingPathFor } from './uploads';

export interface ServeOptions {
  service: Application;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Allow changes through this door; off for a reading room on the LAN. */
  allowEdit: boolean;
  token?: string;
  /** Listening beyond this computer must be asked for explicitly. */
  lan?: boolean;
  /** Milliseconds now; tests pass their own clock to step past the rate-limit window. */
  now?: () => number;
}

/** Where `wenshi serve` listens and whether it takes changes, from its flags. */
export function servePolicy(flags: { lan: boolean; allowEdit: boolean; readOnly: boolean }): {
  host: string;
  allowEdit: boolean;
} {
  // On the LAN a reading room is the point: changes only when asked for with --allow-edit.
  if (flags.lan) return { host: '0.0.0.0', allowEdit: flags.allowEdit && !flags.readOnly };
  return { host: '127.0.0.1', allowEdit: !flags.readOnly };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Failed token attempts allowed per client address within the window, before it gets 429. */
export const MAX_FAILED_ATTEMPTS = 10;
export const FAILED_ATTEMPT_WINDOW_MS = 60_000;

/** Counts failed token attempts per client address over a sliding window. */
class FailedAttempts {
  private readonly byClient = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  private recent(client: string): number[] {
    const since = this.now() - FAILED_ATTEMPT_WINDOW_MS;
    const times = (this.byClient.get(client) ?? []).filter((t) => t > since);
    if (times.length) this.byClient.set(client, times);
    else this.byClient.delete(client);
    return times;
  }

  blocked(client: string): boolean {
    return this.recent(client).length >= MAX_FAILED_ATTEMPTS;
  }

  fail(client: string): void {
    this.byClient.set(client, [...this.recent(client), this.now()]);
  }
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim().split('=')) ?? [];
  return cookies.find(([name]) => name === HTTP_TOKEN_COOKIE)?.[1];
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('请求太大');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

/** Serves a file only if it lies inside `root` (no `..`, no absolute paths). */
async function serveFile(
  res: http.ServerResponse,
  root: string,
  relative: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const target = path.resolve(root, '.' + path.posix.normalize('/' + relative));
  const inside = path.relative(root, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return false;
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(target)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  createReadStream(target).pipe(res);
  return true;
}

/**
 * The HTTP door: the built renderer and the contract on loopback, for browser mode and tests.
 * Every request needs the token, from the URL (which then sets a cookie), the cookie, or an
 * `Authorization: Bearer` header.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.lan)
    throw new Error(`只在本机（127.0.0.1）提供服务；要让局域网访问，请明确使用 --lan（而不是 ${host}）`);
  const failures = new FailedAttempts(options.now ?? Date.now);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const door: DoorPolicy = { canWrite: options.allowEdit, canUseLocalPaths: false };
  const exportsDir = options.service.folder('exports');
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = options.service.onEvent((event: ApiEvent) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const client = req.socket.remoteAddress ?? '?';
      // Guessing the token is cut short: after too many failures, even a right guess is refused for a while.
      if (failures.blocked(client))
        return send(res, 429, '429 尝试次数过多：请稍后再试，并使用启动时显示的完整网址。');
      const bearer = req.headers.authorization?.replace(/^Bearer /, '');
      const fromUrl = url.searchParams.get('token') ?? undefined;
      const given = [fromUrl, cookieToken(req), bearer];
      const authorized = given.some((t) => tokenMatches(t, token));
      if (!authorized) {
        // Only a wrong token is a guess; a request carrying none (a bare URL) is not counted.
        if (given.some(Boolean)) failures.fail(client);
        return send(res, 401, '401 未授权：请使用启动时显示的完整网址（含 token）。');
      }
      if (tokenMatches(fromUrl, token))
        res.setHeader('Set-Cookie', `${HTTP_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);

      if (url.pathname.startsWith(HTTP_API_PREFIX)) {
        const opName = decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length));
        if (opName === 'events' && req.method === 'GET') {
          res.writeHead(200, {
            'Content-Type': 'text/event-stream',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive',
          });
          res.write(': connected\n\n');
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        if (req.method !== 'POST') return send(res, 405, '405');
        let body: { args?: unknown; meta?: CallMeta };
        try {
          body = (await readBody(req)) as typeof body;
        } catch {
          return send(
            res,
            400,
            JSON.stringify({ ok: false, error: { code: 'invalid_argument', message: '请求格式有误' } }),
            'application/json',
          );
        }
        const result = await options.service.dispatch(opName, body.args, body.meta ?? {}, door);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

      if (url.pathname.startsWith(HTTP_UPLOADS_PREFIX)) {
        if (req.method !== 'PUT') return send(res, 405, '405');
        if (!door.canWrite) return send(res, 403, '403 当前为只读访问，不能上传文件。');
        const [batchId = '', ...rest] = url.pathname.slice(HTTP_UPLOADS_PREFIX.length).split('/');
        const target = stagingPathFor(options.service.root, batchId, rest.map(decodeURIComponent).join('/'));
        if (!target) return send(res, 400, '400 上传路径无效');
        try {
          const size = await receiveUpload(req, target);
          return send(res, 200, JSON.stringify({ size }), 'application/json');
        } catch (error) {
          return send(res, 413, `上传失败：${(error as Error).message}`);
        }
      }

      if (url.pathname.startsWith(HTTP_FILES_PREFIX)) {
        const size = url.searchParams.get('size');
        const file = await options.service.displayFile(
          url.pathname.slice(HTTP_FILES_PREFIX.length),
          size === 'thumb' || size === 'preview' ? size : 'original',
        );
        if (
          file &&
          (await serveFile(res, path.dirname(file.path), path.basename(file.path), {
            'Content-Type': file.mime,
          }))
        )
          return;
        return send(res, 404, '404 文件不存在');
      }

      if (url.pathname.startsWith(HTTP_EXPORTS_PREFIX)) {
        const name = path.basename(decodeURIComponent(url.pathname.slice(HTTP_EXPORTS_PREFIX.length)));
        // ?inline=1 shows the PDF in the app's preview frame instead of downloading it.
        const how = url.searchParams.has('inline') ? 'inline' : 'attachment';
        const disposition = `${how}; filename*=UTF-8''${encodeURIComponent(name)}`;
        if (await serveFile(res, exportsDir, name, { 'Content-Disposition': disposition })) return;
        return send(res, 404, '404 文件不存在');
      }

      if (req.method !== 'GET') return send(res, 405, '405');
      const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
      const relative = decodeURIComponent(url.pathname);
      if (relative !== '/' && (await serveFile(res, options.rendererDir, relative, headers))) return;
      // Client-side routes all load the app shell.
      if (
        await serveFile(res, options.rendererDir, 'index.html', { ...headers, 'Cache-Control': 'no-store' })
      )
        return;
      return send(res, 500, '界面文件缺失：请先运行 npm run build');
    } catch (error) {
      if (!res.headersSent) send(res, 500, `500 ${(error as Error).message}`);
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      // A browser keeps connections open (and an event stream reconnects): without cutting them,
      // close() would wait for the page to go away, and stopping the server could hang.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
