// The desktop door as a user's machine runs it: the built out/main/index.js, under Node, with a
// stand-in for the `electron` module. Every call goes through the handlers the main process
// registered, the way the preload and Chromium would make it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_LIBRARY_CHANNEL,
  IPC_PERSON_CHANNEL,
  IPC_DIALOG_CHANNEL,
  type ApiEvent,
  type Item,
  type OpOutput,
} from '../../electron/contract';
import { pdfFonts, pdfText, qpdfCheck } from '../helpers/pdfTools';
import {
  expectAppFilesConfined,
  expectForeignCallsRefused,
  expectHardenedWindow,
  expectMalformedCallsRefused,
  expectNavigationKeptOnApp,
  expectPageFromAppScheme,
  expectPermissionsDenied,
} from './desktopRules';
import { BUILT_MAIN, MainProcess } from './mainProcess';

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

let main: MainProcess;
let scratch: string;
let userData: string;
/** The default library, made in the user-data folder on first start. */
let firstLibrary: string;

async function call<T>(op: string, args: unknown, meta?: unknown): Promise<T> {
  const reply = await main.ipc<Reply<T>>(IPC_INVOKE_CHANNEL, [op, args, meta]);
  if (!reply.ok) throw new Error(`${op}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

const lockOf = (root: string) => path.join(root, 'library.lock');

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'wenshi-desktop-'));
  userData = path.join(scratch, 'userData');
  await mkdir(userData);
  main = await MainProcess.start({ userData });
  firstLibrary = path.join(userData, '文史典藏资料库');
});

afterAll(async () => {
  await main?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('the built desktop main process', () => {
  it('opens the default library in the user-data folder, in one hardened window', async () => {
    const snapshot = await main.snapshot();
    expect(existsSync(path.join(firstLibrary, 'library.json'))).toBe(true);
    expect(existsSync(lockOf(firstLibrary))).toBe(true);
    expectHardenedWindow(snapshot, BUILT_MAIN);
    const window = snapshot.windows[0]!;
    expect(window.shown).toBe(true);
    expect(window.title).toContain('文史典藏');
    expect(snapshot.ipcChannels.sort()).toEqual(
      [IPC_INVOKE_CHANNEL, IPC_LIBRARY_CHANNEL, IPC_PERSON_CHANNEL, IPC_DIALOG_CHANNEL].sort(),
    );
    expect(snapshot.protocolSchemes).toEqual(['wenshi']);
    expect(snapshot.privilegedSchemes.map((s) => s.scheme)).toEqual(['wenshi']);
    expect(snapshot.menus).toBeGreaterThan(0);
    expect(snapshot.menuLabels.length).toBeGreaterThan(2);
    expect(snapshot.dialogs.filter((d) => d.kind === 'error')).toEqual([]);
  });

  it('loads the page from wenshi://app/, served from out/renderer only, with its CSP', async () => {
    await expectPageFromAppScheme(main, BUILT_MAIN);
    await expectAppFilesConfined(main, BUILT_MAIN, scratch);
  });

  it('keeps the window on the app: no navigation away, no new windows, no permissions', async () => {
    const snapshot = await main.snapshot();
    expect(snapshot.windows[0]!.denysWindowOpen).toBe(true);
    await expectNavigationKeptOnApp(main);
    await expectPermissionsDenied(main);
  });

  it('lists, creates, edits and searches items over IPC, search going through the worker', async () => {
    const empty = await call<OpOutput<'items.list'>>('items.list', {});
    expect(empty.total).toBe(0);
    const created = await call<Item>('items.create', {
      title: '許昌發制品廠的起步',
      kind: 'oral',
      text: '一九八四年，長葛的發制品廠開始出口。',
    });
    const edited = await call<Item>('items.update', {
      id: created.id,
      patch: { title: '许昌发制品厂的起步', places: ['长葛市'] },
    });
    expect(edited.title).toBe('许昌发制品厂的起步');
    expect((await call<Item>('items.get', { id: created.id })).places).toEqual(['长葛市']);
    const listed = await call<OpOutput<'items.list'>>('items.list', {});
    expect(listed.items.map((i) => i.title)).toEqual(['许昌发制品厂的起步']);
    // Traditional text found by a simplified query: the worker's folded index, not a string scan.
    const found = await call<OpOutput<'search.query'>>('search.query', { query: '长葛 发制品' });
    expect(found.hits.map((h) => h.id)).toEqual([created.id]);
    expect((await call<OpOutput<'search.query'>>('search.query', { query: '许昌发制品厂' })).total).toBe(1);
  });

  it('refuses calls from another frame and calls with malformed arguments', async () => {
    await expectForeignCallsRefused(main);
    await expectMalformedCallsRefused(main);
  });

  it('imports a photo and serves its thumbnail through wenshi://, refusing .., absolute paths and links', async () => {
    const photo = path.join(scratch, '长葛发制品厂车间.jpg');
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#8c6d4f' } })
      .jpeg()
      .toFile(photo);
    const added = await call<OpOutput<'items.add'>>('items.add', { paths: [photo] });
    expect(added.added).toHaveLength(1);
    const item = await call<Item>('items.get', { id: added.added[0]! });
    const sha = item.files[0]!.sha256;

    const thumb = await main.fetch(`wenshi://files/${sha}?size=thumb`);
    expect(thumb.status).toBe(200);
    expect(thumb.head.slice(8, 12)).toBe('WEBP');
    const original = await main.fetch(`wenshi://files/${sha}`);
    expect(original.status).toBe(200);
    expect(original.bytes).toBe((await stat(photo)).size);

    const secret = path.join(scratch, 'secret.txt');
    await writeFile(secret, '不该被读到的内容');
    await mkdir(path.join(firstLibrary, 'exports'), { recursive: true });
    await symlink(secret, path.join(firstLibrary, 'exports', 'leak.pdf'));
    const refused = [
      'wenshi://files/..%2F..%2Flibrary.json',
      'wenshi://files/%2E%2E/%2E%2E/library.json',
      `wenshi://files/${'0'.repeat(64)}`,
      'wenshi://exports/..%2Flibrary.json',
      `wenshi://exports/${encodeURIComponent(secret)}`,
      'wenshi://exports/leak.pdf',
      'wenshi://library/library.json',
    ];
    for (const url of refused) expect((await main.fetch(url)).status, url).toBe(404);

    // A thumbnail replaced by a link to a file outside the library is not followed.
    const derived = path.join(firstLibrary, 'derived', sha.slice(0, 2));
    const thumbFile = (await readdir(derived)).find((n) => n.startsWith(sha) && n.endsWith('.webp'))!;
    const linked = path.join(derived, thumbFile);
    await rm(linked);
    await symlink(secret, linked);
    const viaLink = await main.fetch(`wenshi://files/${sha}?size=thumb`);
    expect(viaLink.head).not.toContain('不该');
    expect(viaLink.bytes).not.toBe(Buffer.byteLength('不该被读到的内容'));
  });

  it('compiles a volume as a job whose progress reaches the window; the PDF passes qpdf', async () => {
    const before = (await main.sent()).length;
    const items = await call<OpOutput<'items.list'>>('items.list', {});
    const result = await call<OpOutput<'volumes.compile'>>(
      'volumes.compile',
      { itemIds: items.items.map((i) => i.id), title: '许昌改革记忆' },
      { jobId: 'smoke-compile' },
    );
    const progress = (await main.sent())
      .slice(before)
      .filter((m) => m.channel === IPC_EVENT_CHANNEL)
      .map((m) => m.payload as ApiEvent)
      .filter((e) => e.type === 'progress' && e.jobId === 'smoke-compile');
    expect(progress.length).toBeGreaterThan(0);
    expect(result.path.startsWith(path.join(firstLibrary, 'exports'))).toBe(true);
    expect(qpdfCheck(result.path).ok).toBe(true);
    expect(pdfText(result.path)).toContain('许昌发制品厂的起步');
    // The compiled PDF is shown through the protocol too.
    expect((await main.fetch(`wenshi://exports/${encodeURIComponent(result.fileName)}`)).status).toBe(200);
  });

  it('switches to a new library and back over the library channel, closing each cleanly', async () => {
    const second = path.join(scratch, '第二个资料库');
    await main.request('answerDialogs', { answers: [{ canceled: false, filePath: second }] });
    await main.ipc(IPC_LIBRARY_CHANNEL, [{ action: 'create' }]);
    await main.request('waitForWindowReload', { reloads: 1 });
    let snapshot = await main.snapshot();
    expect(snapshot.windows.filter((w) => !w.destroyed)).toHaveLength(1);
    expect(snapshot.windows[0]!.title).toContain('第二个资料库');
    expect(existsSync(lockOf(firstLibrary))).toBe(false);
    expect(existsSync(lockOf(second))).toBe(true);
    expect((await call<OpOutput<'items.list'>>('items.list', {})).total).toBe(0);

    await main.ipc(IPC_LIBRARY_CHANNEL, [{ action: 'recent', root: firstLibrary }]);
    await main.request('waitForWindowReload', { reloads: 2 });
    snapshot = await main.snapshot();
    expect(snapshot.windows[0]!.title).not.toContain('第二个资料库');
    expect(existsSync(lockOf(second))).toBe(false);
    expect(existsSync(lockOf(firstLibrary))).toBe(true);
    expect((await call<OpOutput<'items.list'>>('items.list', {})).total).toBe(2);

    // Only a library on the recent list may be opened by name from the page.
    await main.ipc(IPC_LIBRARY_CHANNEL, [{ action: 'recent', root: path.join(scratch, 'elsewhere') }]);
    expect((await main.snapshot()).windows[0]!.reloads).toBe(2);
  });

  it('on quit, writes the search index and releases library.lock', async () => {
    // Made just before quitting: the index's own timer has not written it yet.
    await call<Item>('items.create', { title: '最后一条', kind: 'document' });
    const total = (await call<OpOutput<'items.list'>>('items.list', {})).total;
    const events = await main.request<string[]>('quit');
    expect(events).toContain('quitted');
    expect(existsSync(lockOf(firstLibrary))).toBe(false);
    const meta = JSON.parse(await readFile(path.join(firstLibrary, 'index', 'search', 'meta.json'), 'utf8'));
    expect(meta.docs).toBe(total);
  });
});

describe('the fonts of the built main process', () => {
  it('are embedded in the compiled PDF', async () => {
    // Checked on the PDF the compile test wrote: every font embedded as a subset.
    const exportsDir = path.join(firstLibrary, 'exports');
    const names = await readdir(exportsDir);
    const pdf = names.find((n) => n.endsWith('.pdf') && n !== 'leak.pdf')!;
    const fonts = pdfFonts(path.join(exportsDir, pdf));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
  });
});
