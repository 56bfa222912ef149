/**
 * The checks every request of the browser door passes before a route sees it. The door is a web
 * server that any page in any browser on this computer (or, with --lan, the office network) can
 * send requests to, so it holds to web rules: it answers only to its own names (DNS rebinding),
 * only to the token, and takes changes only from its own origin (CSRF).
 */
import os from 'node:os';
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HTTP_TOKEN_COOKIE } from '../contract';

/** What the guards need to know of the running server; the port is known once it listens. */
export interface DoorIdentity {
  port: number;
  lan: boolean;
  token: string;
}

/** Failed token attempts allowed per client address within the window, before it gets 429. */
export const MAX_FAILED_ATTEMPTS = 10;
export const FAILED_ATTEMPT_WINDOW_MS = 60_000;

export const TEXT = 'text/plain; charset=utf-8';

export function refuse(c: Context, status: 400 | 401 | 403 | 405 | 413 | 415 | 421 | 429, message: string) {
  return c.body(message, status, { 'Content-Type': TEXT });
}

/** Counts failed token attempts per client address over a sliding window. */
export class FailedAttempts {
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

/** Every response: no sniffing, no referrer (the first URL carries the token), no use by other sites. */
export const baseHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  // Another port of this computer is the same *site*; only the same origin may embed what we serve.
  c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

/** A path whose escapes do not decode (`%c0%ae`, a lone `%`) or that holds NUL is bad input. */
export const wellFormedPath: MiddlewareHandler = async (c, next) => {
  // As sent: the router's path already has some escapes decoded.
  const raw = new URL(c.req.url).pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refuse(c, 400, '400 网址格式有误');
  }
  if (decoded.includes('\0')) return refuse(c, 400, '400 网址格式有误');
  return next();
};

/** The names this server answers to, as `host:port` in lower case. */
export function allowedHosts(door: DoorIdentity): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (door.lan) {
    const hostname = os.hostname().toLowerCase();
    names.push(hostname, `${hostname}.local`);
    for (const address of Object.values(os.networkInterfaces()).flat()) {
      if (!address) continue;
      names.push(address.family === 'IPv6' ? `[${address.address.split('%')[0]}]` : address.address);
    }
  }
  const hosts = new Set(names.map((name) => `${name.toLowerCase()}:${door.port}`));
  // Browsers leave the default port out of Host.
  if (door.port === 80) for (const name of names) hosts.add(name.toLowerCase());
  return hosts;
}

/**
 * DNS rebinding: a page on evil.example whose name is made to point at 127.0.0.1 reaches this
 * server as its own origin. Its requests carry `Host: evil.example`; only our own names pass.
 */
export function hostGuard(door: DoorIdentity): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !allowedHosts(door).has(host)) return refuse(c, 421, '421 请用启动时显示的网址访问。');
    return next();
  };
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` only; any other form is a wrong credential. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  return /^Bearer ([^\s]+)$/.exec(header)?.[1] ?? '';
}

/** The address the request came from, for counting its failed guesses. */
export type ClientAddress = (c: Context) => string;

/**
 * The token: the printed URL's `?token=` once (it sets an HttpOnly cookie and redirects to the
 * clean URL, so the token leaves the address bar and history), then the cookie or
 * `Authorization: Bearer`. Wrong tokens count against the address they came from; past the limit
 * that address gets 429 for wrong tokens. A request with the right token is never refused: another
 * local page guessing must not lock out the person using the app.
 */
export function tokenGuard(
  door: DoorIdentity,
  failures: FailedAttempts,
  client: ClientAddress,
): MiddlewareHandler {
  return async (c, next) => {
    const fromUrl = c.req.query('token');
    const cookie = getCookie(c, HTTP_TOKEN_COOKIE);
    const bearer = bearerToken(c);
    const entering = tokenMatches(fromUrl, door.token) && (c.req.method === 'GET' || c.req.method === 'HEAD');
    if (entering) {
      setCookie(c, HTTP_TOKEN_COOKIE, door.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      // Collapse leading slashes: `//evil.example` as a Location would leave this server.
      const clean = '/' + url.pathname.replace(/^\/+/, '') + url.search;
      return c.redirect(clean, 303);
    }
    if (tokenMatches(cookie, door.token) || tokenMatches(bearer, door.token)) return next();
    const who = client(c);
    // Only a wrong token is a guess; a request carrying none (a bare URL) is not counted.
    const guessed = [fromUrl, cookie, bearer].some((given) => given !== undefined);
    if (guessed) {
      if (failures.blocked(who))
        return refuse(c, 429, '429 尝试次数过多：请稍后再试，并使用启动时显示的完整网址。');
      failures.fail(who);
    }
    return refuse(c, 401, '401 未授权：请使用启动时显示的完整网址（含 token）。');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * CSRF: a page on another origin (another port of 127.0.0.1 counts: it shares the cookie) can send
 * a "simple" POST with the cookie, `mode: 'no-cors'`, `Content-Type: text/plain`. A change is taken
 * only when the browser says it comes from our own origin: `Origin` equal to ours, or, where a
 * client sends no Origin, `Sec-Fetch-Site: same-origin`, our `X-Wenshi: 1` header, or a Bearer
 * token (headers a cross-origin page cannot add without a CORS preflight, which this server never
 * grants).
 */
export const sameOriginChanges: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  const own = `http://${c.req.header('host')!.toLowerCase()}`;
  if (origin !== undefined) {
    if (origin.toLowerCase() !== own) return refuse(c, 403, '403 拒绝来自其他网页的修改请求。');
    return next();
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return refuse(c, 403, '403 拒绝来自其他网页的修改请求。');
  if (site === 'same-origin' || c.req.header('x-wenshi') === '1' || bearerToken(c)) return next();
  return refuse(c, 403, '403 拒绝来自其他网页的修改请求。');
};
