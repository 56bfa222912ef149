import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { libraryOf } from './libraryOf';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from './tempDir';
import { fonts } from './fonts';

export interface CallJson {
  ok: boolean;
  value: Record<string, unknown>;
  error: { code: string; message: string };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/**
 * One HTTP request exactly as given: any Host, any path (`//`, `%c0%ae`), any source address of
 * 127.0.0.0/8. `fetch` normalizes or forbids some of these, as a browser would not for an attacker.
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    path?: string;
    localAddress?: string;
  } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? target.pathname + target.search,
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

const started: { server: RunningServer; service: Application }[] = [];

afterEach(async () => {
  for (const { server, service } of started.splice(0)) {
    await server.close();
    await service.close();
  }
});

/** A real library in a temp folder behind a real started browser door on 127.0.0.1. */
export async function browserDoor(options: { allowEdit?: boolean; lan?: boolean } = {}) {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  await (await Library.create(root, '测试资料库')).close();
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>文史典藏</title>');
  const service = await Application.open(root, { fonts });
  const server = await startServer({
    service,
    rendererDir,
    allowEdit: options.allowEdit ?? true,
    lan: options.lan,
  });
  started.push({ server, service });
  const origin = new URL(server.url).origin;
  const bearer = { Authorization: `Bearer ${server.token}` };
  const cookie = { Cookie: `wenshi_token=${server.token}` };

  /** Puts files into the library as the desktop app would (local paths), returns their hashes. */
  async function addFiles(
    files: Record<string, string | Buffer>,
  ): Promise<{ itemId: string; sha256: string }[]> {
    const sources = path.join(dir, 'sources');
    await mkdir(sources, { recursive: true });
    const paths: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      paths.push(path.join(sources, name));
      await writeFile(path.join(sources, name), content);
    }
    const result = await service.dispatch(
      'items.add',
      { paths },
      {},
      { canWrite: true, canUseLocalPaths: true },
    );
    if (!result.ok) throw new Error(result.error.message);
    const ids = (result.value as { added: string[] }).added;
    // In the order given, whatever order the import chose.
    return Object.keys(files).map((name) => {
      for (const itemId of ids) {
        const file = libraryOf(service).catalog.get(itemId)!.files.find((f) => f.name === name);
        if (file) return { itemId, sha256: file.sha256 };
      }
      throw new Error(`not imported: ${name}`);
    });
  }

  /** A contract call as the app's own page makes it. */
  async function call(op: string, args: unknown, headers: Record<string, string> = bearer) {
    const response = await fetch(`${origin}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ args }),
    });
    return { status: response.status, json: (await response.json().catch(() => null)) as CallJson };
  }

  return { dir, root, server, service, origin, bearer, cookie, addFiles, call };
}
