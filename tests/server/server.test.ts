import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';

interface CallResult {
  ok: boolean;
  value: { total: number; fileName: string; [key: string]: unknown };
  error: { code: string; message: string };
}

let running: { server: RunningServer; service: Application } | undefined;

afterEach(async () => {
  await running?.server.close();
  await running?.service.close();
  running = undefined;
});

async function serve(allowEdit = true) {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  await (await Library.create(root, '测试资料库')).close();
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>文史典藏</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  const service = await Application.open(root, { fonts });
  const server = await startServer({ service, rendererDir, allowEdit });
  running = { server, service };
  const origin = new URL(server.url).origin;
  const call = (
    op: string,
    args: unknown,
    headers: Record<string, string> = { Authorization: `Bearer ${server.token}` },
  ) =>
    fetch(`${origin}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ args }),
    });
  const result = async (op: string, args: unknown) => (await (await call(op, args)).json()) as CallResult;
  return { server, origin, call, result };
}

describe('HTTP door', () => {
  it('listens on loopback and prints a URL with its token', async () => {
    const { server } = await serve();
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBe(server.token);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 to any request without the token: page, assets, API, events, exports', async () => {
    const { origin, call } = await serve();
    for (const p of ['/', '/assets/app.js', '/api/events', '/exports/x.pdf', '/?token=wrong']) {
      expect((await fetch(origin + p)).status, p).toBe(401);
    }
    expect((await call('items.list', {}, {})).status).toBe(401);
    expect((await call('items.list', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call('items.list', {}, { Cookie: 'wenshi_token=nope' })).status).toBe(401);
  });

  it('takes the printed URL once: sets the cookie, redirects to the clean URL; the page then uses the cookie', async () => {
    const { server, origin } = await serve();
    const entry = await fetch(server.url, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe('/');
    const setCookie = entry.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('文史典藏');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    // The page itself is never cached (it names the current build's scripts); the content-named
    // scripts are, so a reload neither fetches nor parses them again.
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${origin}/assets/app.js`, { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('runs contract operations and returns errors as values', async () => {
    const { result } = await serve();
    const created = await result('items.create', { kind: 'photo', title: '许昌火车站旧照' });
    expect(created).toMatchObject({ ok: true, value: { title: '许昌火车站旧照', kind: 'photo' } });
    const found = await result('search.query', { query: '許昌' });
    expect(found.value.total).toBe(1);
    const invalid = await result('items.create', { kind: 'photo', title: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(invalid.error.message).toMatch(/题名不能为空/);
    // A failure comes as its sentence key and parameters too, for the page to say in its language.
    expect(invalid.error).toMatchObject({ sentence: 'title_empty', params: {} });
    const missing = await result('items.get', { id: 'NOPE' });
    expect(missing.error).toEqual({
      code: 'not_found',
      message: '找不到条目 NOPE',
      sentence: 'item_not_found',
      params: { id: 'NOPE' },
    });
    const unknown = await result('nope', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('streams change events to the page as they happen', async () => {
    const { server, origin, call } = await serve();
    const stop = new AbortController();
    const events = await fetch(`${origin}/api/events`, {
      headers: { Authorization: `Bearer ${server.token}` },
      signal: stop.signal,
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    await call('items.create', { kind: 'document', title: '许昌改革' });
    while (!text.includes('"changed"')) text += decoder.decode((await reader.read()).value);
    stop.abort();
  });

  it('refuses local paths over HTTP and writes when read-only', async () => {
    const { result } = await serve(false);
    const add = await result('items.add', { paths: ['/etc/passwd'] });
    expect(add).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const create = await result('items.create', { kind: 'photo', title: '甲' });
    expect(create).toMatchObject({ ok: false, error: { code: 'read_only' } });
    const list = await result('items.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('never serves files outside its folders', async () => {
    const { server, origin } = await serve();
    const auth = { Authorization: `Bearer ${server.token}` };
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/exports/..%2f..%2fsecret.txt',
    ]) {
      const response = await fetch(origin + p, { headers: auth });
      expect(await response.text(), p).not.toContain('secret');
    }
  });

  it('compiles to the exports folder and offers the PDF for download', async () => {
    const { server, origin, call, result } = await serve();
    await call('items.create', { kind: 'document', title: '许昌改革', text: '改革开放。' });
    const compiled = await result('volumes.compile', { title: '测试卷' });
    expect(compiled.ok).toBe(true);
    const download = await fetch(`${origin}/exports/${encodeURIComponent(compiled.value.fileName)}`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/attachment/);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const chosenPath = await result('volumes.compile', { output: '/tmp/x.pdf' });
    expect(chosenPath).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
