import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import {
  FAILED_ATTEMPT_WINDOW_MS,
  MAX_FAILED_ATTEMPTS,
  servePolicy,
  startServer,
  type RunningServer,
} from '../../electron/server';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';

let running: { server?: RunningServer; service: Application } | undefined;

afterEach(async () => {
  await running?.server?.close();
  await running?.service.close();
  running = undefined;
});

async function setup() {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  await (await Library.create(root, '测试资料库')).close();
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>文史典藏</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app-secret-name.js'), 'console.log(1)');
  await writeFile(path.join(root, 'exports', '内部书稿.pdf'), '%PDF-1.4');
  const service = await Application.open(root, { fonts });
  running = { service };
  return { service, rendererDir };
}

/** A GET from a chosen loopback source address (127.0.0.0/8 is all this machine). */
function get(
  url: string,
  from: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { localAddress: from, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    request.on('error', reject);
  });
}

describe('browser mode exposure', () => {
  it('listens on loopback by default; the LAN needs --lan and is then read-only unless --allow-edit', () => {
    expect(servePolicy({ lan: false, allowEdit: false, readOnly: false })).toEqual({
      host: '127.0.0.1',
      allowEdit: true,
    });
    expect(servePolicy({ lan: false, allowEdit: false, readOnly: true })).toEqual({
      host: '127.0.0.1',
      allowEdit: false,
    });
    expect(servePolicy({ lan: true, allowEdit: false, readOnly: false })).toEqual({
      host: '0.0.0.0',
      allowEdit: false,
    });
    expect(servePolicy({ lan: true, allowEdit: true, readOnly: false })).toEqual({
      host: '0.0.0.0',
      allowEdit: true,
    });
    expect(servePolicy({ lan: true, allowEdit: true, readOnly: true })).toEqual({
      host: '0.0.0.0',
      allowEdit: false,
    });
  });

  it('refuses to listen beyond loopback without the LAN flag', async () => {
    const { service, rendererDir } = await setup();
    await expect(startServer({ service, rendererDir, allowEdit: false, host: '0.0.0.0' })).rejects.toThrow(
      /--lan/,
    );
  });

  it('answers 429 to wrong tokens after too many from one address, for a while; the right token always passes', async () => {
    const { service, rendererDir } = await setup();
    let now = 1_000_000;
    const server = await startServer({ service, rendererDir, allowEdit: false, now: () => now });
    running!.server = server;
    const origin = new URL(server.url).origin;
    const good = { Authorization: `Bearer ${server.token}` };
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++)
      expect((await get(`${origin}/?token=guess${i}`, '127.0.0.2')).status).toBe(401);
    expect((await get(`${origin}/?token=guess`, '127.0.0.2')).status).toBe(429);
    // A guessing page shares its address with the person using the app: the right token still passes…
    expect((await get(`${origin}/`, '127.0.0.2', good)).status).toBe(200);
    // …and another address is not slowed down at all.
    expect((await get(`${origin}/?token=guess`, '127.0.0.3')).status).toBe(401);
    now += FAILED_ATTEMPT_WINDOW_MS + 1;
    expect((await get(`${origin}/?token=guess`, '127.0.0.2')).status).toBe(401);
  });

  it('lists no directory: folders answer with the app shell or 404, never their file names', async () => {
    const { service, rendererDir } = await setup();
    const server = await startServer({ service, rendererDir, allowEdit: false });
    running!.server = server;
    const origin = new URL(server.url).origin;
    const auth = { Authorization: `Bearer ${server.token}` };
    for (const p of ['/assets/', '/assets', '/exports/', '/exports', '/exports/.', '/api/', '/%2e/']) {
      const { body } = await get(origin + p, '127.0.0.1', auth);
      expect(body, p).not.toContain('app-secret-name');
      expect(body, p).not.toContain('内部书稿');
    }
    // The files themselves are reachable by name, which is what the app uses.
    expect(
      (await get(`${origin}/exports/${encodeURIComponent('内部书稿.pdf')}`, '127.0.0.1', auth)).status,
    ).toBe(200);
  });
});
