// The rules the desktop door must keep, as checks on a running built main process. The smoke test
// runs them on the real build; the self-test runs them on builds broken on purpose and expects them
// to fail, so a check that cannot fail is found out.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { IPC_INVOKE_CHANNEL, IPC_LIBRARY_CHANNEL } from '../../electron/contract';
import type { MainProcess, Snapshot } from './mainProcess';

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** One window, isolated and sandboxed, without Node, with the built preload beside the main bundle. */
export function expectHardenedWindow(snapshot: Snapshot, mainFile: string): void {
  const windows = snapshot.windows.filter((w) => !w.destroyed);
  expect(windows).toHaveLength(1);
  const prefs = windows[0]!.options.webPreferences ?? {};
  const required = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
  for (const [key, value] of Object.entries(required))
    expect(prefs[key], `webPreferences.${key}`).toBe(value);
  const preload = String(prefs['preload']);
  expect(preload).toBe(path.join(path.dirname(mainFile), '../preload/index.cjs'));
  expect(existsSync(preload)).toBe(true);
}

/** Calls from anything but the app's own top frame are refused, and do nothing. */
export async function expectForeignCallsRefused(main: MainProcess): Promise<void> {
  for (const sender of ['foreign', 'subframe'] as const) {
    const item = { title: `来自${sender}`, kind: 'document' };
    const reply = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, ['items.create', item], sender);
    expect(reply.ok, `a call from a ${sender} frame`).toBe(false);
    expect(reply.error?.code, `a call from a ${sender} frame`).toBe('forbidden');
  }
  const list = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, ['items.list', {}]);
  const titles = (list.value as { items: { title: string }[] }).items.map((i) => i.title);
  expect(titles.filter((t) => t.startsWith('来自'))).toEqual([]);
  // Nor may another frame switch the window to another library.
  const before = (await main.snapshot()).windows.at(-1)!.reloads;
  await main.ipc(IPC_LIBRARY_CHANNEL, [{ action: 'open' }], 'foreign');
  const snapshot = await main.snapshot();
  expect(snapshot.windows.at(-1)!.reloads).toBe(before);
  expect(snapshot.dialogs.filter((d) => d.kind === 'open')).toEqual([]);
}

export const APP_PAGE = 'wenshi://app/index.html';

/** The built page beside a build's main bundle: out/renderer. */
export const rendererDirOf = (mainFile: string) => path.join(path.dirname(mainFile), '../renderer');

/** The page is loaded from wenshi://app/, never file://, its files typed and sent with its own CSP. */
export async function expectPageFromAppScheme(main: MainProcess, mainFile: string): Promise<void> {
  const snapshot = await main.snapshot();
  expect(snapshot.windows.at(-1)!.url).toBe(APP_PAGE);
  const scheme = snapshot.privilegedSchemes.find((s) => s.scheme === 'wenshi');
  expect(scheme?.privileges).toMatchObject({
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
  });
  expect(scheme?.privileges['bypassCSP'], 'bypassCSP').toBeFalsy();

  const html = await readFile(path.join(rendererDirOf(mainFile), 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeTruthy();
  for (const url of [APP_PAGE, 'wenshi://app/']) {
    const page = await main.fetch(url);
    expect(page.status, url).toBe(200);
    expect(page.headers['content-type'], url).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy'], url).toBe(csp);
  }
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(1);
  for (const asset of assets) {
    const answer = await main.fetch(`wenshi://app/${asset}`);
    expect(answer.status, asset).toBe(200);
    const type = asset.endsWith('.css') ? 'text/css' : 'text/javascript';
    expect(answer.headers['content-type'], asset).toBe(`${type}; charset=utf-8`);
    expect(answer.headers['x-content-type-options'], asset).toBe('nosniff');
  }
}

/**
 * Nothing outside out/renderer is served as the page's: not by `..`, plain or encoded, nor an
 * absolute path, nor through a link planted in out/renderer (a file or a folder leading out).
 */
export async function expectAppFilesConfined(
  main: MainProcess,
  mainFile: string,
  scratch: string,
): Promise<void> {
  const rendererDir = rendererDirOf(mainFile);
  const outside = await mkdtemp(path.join(scratch, 'outside-'));
  // Valid script: other tests may `node --check` every .js under out/ while the link is there.
  await writeFile(path.join(outside, 'secret.js'), '// 不该被读到的内容\n');
  const links = [path.join(rendererDir, 'assets', 'leak.js'), path.join(rendererDir, 'linked')];
  await symlink(path.join(outside, 'secret.js'), links[0]!);
  await symlink(outside, links[1]!, 'dir');
  try {
    const mainBundle = path.join(path.dirname(mainFile), 'index.js');
    const refused = [
      'wenshi://app/..%2Fmain%2Findex.js',
      'wenshi://app/%2E%2E%2Fmain%2Findex.js',
      'wenshi://app/assets/..%2F..%2Fmain%2Findex.js',
      'wenshi://app/%2E%2E/main/index.js',
      'wenshi://app/..%5Cmain%5Cindex.js',
      `wenshi://app/${encodeURIComponent(mainBundle)}`,
      'wenshi://app/assets/leak.js',
      'wenshi://app/linked/secret.js',
      'wenshi://app/assets',
      'wenshi://app/%E0%A4%A',
      'wenshi://main/index.js',
    ];
    for (const url of refused) expect((await main.fetch(url)).status, url).toBe(404);
  } finally {
    for (const link of links) await rm(link, { force: true });
  }
}

/** Permissions are refused whether asked for or merely checked, and so are devices. */
export async function expectPermissionsDenied(main: MainProcess): Promise<void> {
  expect((await main.snapshot()).permissionHandlers).toEqual({ request: true, check: true, device: true });
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
    expect(await main.request('permission', { permission }), `request ${permission}`).toBe(false);
    expect(await main.request('permission', { permission, handler: 'check' }), `check ${permission}`).toBe(
      false,
    );
  }
  expect(await main.request('permission', { handler: 'device' }), 'device').toBe(false);
}

/** No frame leaves the app; a subframe may show a compiled PDF, the top frame may not. */
export async function expectNavigationKeptOnApp(main: MainProcess): Promise<void> {
  const appUrl = (await main.snapshot()).windows.at(-1)!.url!;
  const prevented = async (url: string, kind: string, isMainFrame = true) =>
    (await main.request<{ prevented: boolean }>('navigate', { url, kind, isMainFrame })).prevented;
  const away = [
    'https://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    `wenshi://files/${'0'.repeat(64)}`,
    'wenshi://app.example/index.html',
  ];
  for (const url of away) {
    for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate'])
      expect(await prevented(url, kind), `${kind} to ${url}`).toBe(true);
    expect(await prevented(url, 'will-frame-navigate', false), `a subframe to ${url}`).toBe(true);
  }
  const pdf = 'wenshi://exports/%E6%B1%87%E7%BC%96.pdf';
  expect(await prevented(pdf, 'will-frame-navigate', true), 'the top frame to a PDF').toBe(true);
  expect(await prevented(pdf, 'will-frame-navigate', false), 'the preview frame to a PDF').toBe(false);
  expect(await prevented(`${appUrl}#/search`, 'will-navigate'), 'within the app').toBe(false);
  expect(await prevented(appUrl, 'will-frame-navigate', false), 'a subframe within the app').toBe(false);
}

/** Calls whose arguments or meta the contract does not accept are refused with a sentence. */
export async function expectMalformedCallsRefused(main: MainProcess): Promise<void> {
  const cases: [string, unknown, unknown][] = [
    ['items.create', { title: 42 }, undefined],
    ['items.update', { id: '../../etc', patch: {} }, undefined],
    ['items.list', 'not an object', undefined],
    ['no.such.op', {}, undefined],
    ['items.list', {}, { jobId: { toString: 'x' } }],
    ['items.list', {}, 'meta as a string'],
    ['items.list', {}, ['meta', 'as', 'a', 'list']],
    ['items.list', {}, { jobId: 'ok', extra: true }],
    ['items.list', {}, { jobId: '../../x' }],
    ['items.list', {}, { actor: 42 }],
  ];
  for (const [op, args, meta] of cases) {
    const reply = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, [op, args, meta]);
    const what = `${op} ${JSON.stringify(args)} ${JSON.stringify(meta)}`;
    expect(reply.ok, what).toBe(false);
    expect(reply.error?.message, what).toMatch(/[\u4e00-\u9fff]/);
  }
  // The check is not merely refusing everything: well-formed meta passes.
  const fine = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, ['items.list', {}, { jobId: 'ok-1' }]);
  expect(fine.ok).toBe(true);
}
