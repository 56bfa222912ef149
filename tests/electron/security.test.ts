import { libraryOf } from '../helpers/libraryOf';
import { readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP_DOOR,
  denyWindowOpen,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockFrameNavigation,
  shouldBlockNavigation,
} from '../../electron/main/windowOptions';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../electron/main/appProtocol';
import { resolveLibraryRequest } from '../../electron/main/libraryProtocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/server';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { OP_NAMES } from '../../electron/contract';

const repo = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const APP_URL = 'wenshi://app/index.html';

async function sources(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, text: await readFile(file, 'utf8') });
  }
  return out;
}

/** The directives of a Content-Security-Policy, each with its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrictCsp(csp: string): void {
  const policy = directives(csp);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  // Scripts: our own files only; nothing inline, nothing evaluated, nothing from elsewhere.
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  for (const [name, values] of policy) {
    for (const value of values) {
      expect(value, name).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval/);
      expect(value, name).not.toMatch(/^(https?:|ws:|wss:|\*)/);
    }
  }
}

describe('Electron security', () => {
  it('creates every BrowserWindow with the secure webPreferences', async () => {
    const main = await sources(repo('electron/main'));
    const windows = main.flatMap(({ file, text }) =>
      [...text.matchAll(/new BrowserWindow\(\{([\s\S]*?)\n {2}\}\)/g)].map((m) => ({ file, body: m[1]! })),
    );
    expect(windows.length).toBeGreaterThan(0);
    for (const { file, body } of windows)
      expect(body, file).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens no external URLs, loads no remote content, and hands every web contents the handlers', async () => {
    const main = (await sources(repo('electron/main'))).map((s) => s.text).join('\n');
    expect(main).not.toMatch(/openExternal|loadURL\(['"`]https?:|nodeIntegration: true|allowpopups/);
    expect(main).toMatch(/contents\.setWindowOpenHandler\(denyWindowOpen\)/);
    expect(main).toMatch(/contents\.on\('will-navigate'/);
    expect(main).toMatch(/contents\.on\('will-redirect'/);
    expect(main).toMatch(/contents\.on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(main).toMatch(
      /setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/,
    );
  });

  it('sends a strict CSP: in the page and from the browser-mode server', async () => {
    const html = await readFile(repo('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expectStrictCsp(meta![1]!);
    // The desktop sends the page's own policy as a header too.
    expect(DESKTOP_CONTENT_SECURITY_POLICY).toBe(meta![1]);
    expectStrictCsp(CONTENT_SECURITY_POLICY);
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
    // The check itself rejects what it must.
    expect(() => expectStrictCsp("default-src 'self'; script-src 'self' 'unsafe-eval'")).toThrow();
  });

  it('denies new windows and blocks navigation away from the app', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    expect(shouldBlockNavigation(APP_URL + '#/search', APP_URL)).toBe(false);
    expect(shouldBlockNavigation('wenshi://app/', APP_URL)).toBe(false);
    // URL gives these schemes all the origin "null": comparing origins would let every one through.
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'file:///opt/wenshi/resources/app.asar/out/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<p>x</p>',
      'wenshi://files/x',
      'wenshi://exports/a.pdf',
      'wenshi://app.evil/index.html',
      'other://app/index.html',
      '',
    ])
      expect(shouldBlockNavigation(url, APP_URL), url).toBe(true);
    // The dev server's page: its own origin only.
    expect(shouldBlockNavigation('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(false);
    expect(shouldBlockNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe(true);
  });

  it('lets a subframe show a compiled PDF, and no frame go anywhere else', () => {
    const exported = 'wenshi://exports/%E6%B1%87%E7%BC%96.pdf';
    expect(shouldBlockFrameNavigation(exported, false, APP_URL)).toBe(false);
    expect(shouldBlockFrameNavigation(APP_URL, false, APP_URL)).toBe(false);
    expect(shouldBlockFrameNavigation(APP_URL, true, APP_URL)).toBe(false);
    expect(shouldBlockFrameNavigation(exported, true, APP_URL)).toBe(true);
    for (const url of ['https://example.com/', 'wenshi://files/' + 'a'.repeat(64), 'wenshi://exports/a.html'])
      expect(shouldBlockFrameNavigation(url, false, APP_URL), url).toBe(true);
  });

  it('accepts IPC only from the main frame of our window showing our page', () => {
    const mainFrame = { url: APP_URL };
    expect(isTrustedSender(mainFrame, mainFrame, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: APP_URL }, mainFrame, APP_URL)).toBe(false); // a subframe or other window
    const navigated = { url: 'https://attacker.invalid/' };
    expect(isTrustedSender(navigated, navigated, APP_URL)).toBe(false);
    expect(isTrustedSender(null, mainFrame, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, undefined, APP_URL)).toBe(false);
  });

  it('flips the Electron fuses at packaging, naming only real fuses', async () => {
    const yml = await readFile(repo('electron-builder.yml'), 'utf8');
    const { electronFuses: fuses } = parse(yml) as { electronFuses: Record<string, boolean> };
    expect(fuses).toBeTypeOf('object');
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The page comes from wenshi://app/, so file:// pages need no privileges beyond a browser's.
      grantFileProtocolExtraPrivileges: false,
    });
    // electron-builder hands these to @electron/fuses: a misspelt name would silently flip nothing.
    for (const name of Object.keys(fuses))
      expect(
        FuseV1Options[(name[0]!.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options],
        name,
      ).toBeDefined();
  });
});

describe('IPC arguments', () => {
  it('every operation parses its arguments with the contract schema before anything runs', async () => {
    const root = path.join(await tempDir(), 'lib');
    await (await Library.create(root, 'lib')).close();
    const service = await Application.open(root, { fonts });
    try {
      for (const op of OP_NAMES) {
        const result = await service.dispatch(op, 'not an object', {}, DESKTOP_DOOR);
        expect(result, op).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      }
      const listed = await service.dispatch('items.list', {}, {}, DESKTOP_DOOR);
      expect(listed).toMatchObject({ ok: true, value: { total: 0 } });
    } finally {
      await service.close();
    }
  });
});

describe('wenshi:// protocol confinement', () => {
  // The full set of link and type cases runs against both doors in tests/app/resources.test.ts.
  async function library() {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    await (await Library.create(root, 'lib')).close();
    const service = await Application.open(root, { fonts });
    const source = path.join(dir, '老照片.txt');
    await writeFile(source, '许昌');
    const added = await service.dispatch('items.add', { paths: [source] }, {}, DESKTOP_DOOR);
    expect(added.ok).toBe(true);
    const sha256 = libraryOf(service).catalog.all()[0]!.files[0]!.sha256;
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    return { dir, root, service, sha256 };
  }

  it('serves a catalogued original by its hash', async () => {
    const { service, sha256 } = await library();
    try {
      const resource = await resolveLibraryRequest(`wenshi://files/${sha256}`, service);
      expect(resource?.path).toBe(await realpath(libraryOf(service).files.pathFor(sha256, '老照片.txt')));
      await resource?.close();
    } finally {
      await service.close();
    }
  });

  it('refuses crafted URLs: ..%2F, absolute paths, other hosts, unknown hashes', async () => {
    const { service, sha256 } = await library();
    try {
      for (const url of [
        'wenshi://files/..%2F..%2Fsecret.txt',
        'wenshi://files/../../secret.txt',
        'wenshi://files/%2E%2E/%2E%2E/secret.txt',
        'wenshi://files//etc/passwd',
        'wenshi://files/%2Fetc%2Fpasswd',
        'wenshi:///etc/passwd',
        'wenshi://derived/../secret.txt',
        'wenshi://exports/..%2F..%2Fsecret.pdf',
        `file:///${sha256}`,
        `wenshi://files/${'d'.repeat(64)}`,
      ])
        expect(await resolveLibraryRequest(url, service), url).toBeNull();
    } finally {
      await service.close();
    }
  });

  it('refuses a symlink inside files/ that leads out of the library', async () => {
    const { dir, service, sha256 } = await library();
    try {
      const file = libraryOf(service).files.pathFor(sha256, '老照片.txt');
      await rm(file);
      await symlink(path.join(dir, 'secret.txt'), file);
      expect(await resolveLibraryRequest(`wenshi://files/${sha256}`, service)).toBeNull();
    } finally {
      await service.close();
    }
  });
});
