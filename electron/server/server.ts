import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { Application, DoorPolicy } from '../app';
import { fileRoutes } from './files';
import {
  baseHeaders,
  FailedAttempts,
  hostGuard,
  sameOriginChanges,
  tokenGuard,
  wellFormedPath,
  TEXT,
  type DoorIdentity,
} from './guards';
import { apiRoutes, EventStreams, type Env } from './routes';
import { backupRoute } from './backup';

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

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser door: the built renderer and the contract over HTTP. Every request passes, in order:
 * a well-formed path, a Host that names this server, the token, and for changes our own origin.
 * Errors never show their stack: bad input is answered 4xx, anything else a bare 500.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.lan)
    throw new Error(`只在本机（127.0.0.1）提供服务；要让局域网访问，请明确使用 --lan（而不是 ${host}）`);
  const identity: DoorIdentity = {
    port: 0,
    lan: options.lan === true,
    token: options.token ?? randomBytes(24).toString('base64url'),
  };
  const door: DoorPolicy = { canWrite: options.allowEdit, canUseLocalPaths: false };
  const failures = new FailedAttempts(options.now ?? Date.now);
  const events = new EventStreams();
  const unsubscribe = options.service.onEvent((event) => events.send(event));

  const app = new Hono<Env>();
  app.use(baseHeaders);
  app.use(wellFormedPath);
  app.use(hostGuard(identity));
  app.use(tokenGuard(identity, failures, (c) => c.env.incoming.socket.remoteAddress ?? '?'));
  app.use(sameOriginChanges);
  apiRoutes(app, options.service, door, events);
  backupRoute(app, options.service, door);
  fileRoutes(app, options.service, options.rendererDir);
  app.notFound((c) => c.body('404', 404, { 'Content-Type': TEXT }));
  app.onError((error, c) => {
    // Said once in the server's log, never to the client: a stack tells an attacker too much.
    console.error(`浏览器模式请求出错：${error.message}`);
    return c.body('500 服务器内部错误', 500, { 'Content-Type': TEXT });
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as http.Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  identity.port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${identity.port}/?token=${identity.token}`,
    token: identity.token,
    close: async () => {
      unsubscribe();
      events.closeAll();
      // A browser keeps connections open (and an event stream reconnects): without cutting them,
      // close() would wait for the page to go away, and stopping the server could hang.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
