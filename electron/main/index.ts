import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CallMeta, type OpOutput } from '../api/contract';
import { Service } from '../api/service';
import { packagedFonts } from '../api/fonts';
import { Library } from '../core/library';
import { nextVerificationDue } from '../core/integrity';
import {
  DESKTOP_DOOR,
  denyWindowOpen,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockNavigation,
} from './windowOptions';
import { resolveLibraryRequest } from './libraryProtocol';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_URL =
  process.env['ELECTRON_RENDERER_URL'] ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;

protocol.registerSchemesAsPrivileged([
  { scheme: 'wenshi', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let service: Service | undefined;
let mainWindow: BrowserWindow | undefined;

function fonts() {
  if (!app.isPackaged) return packagedFonts();
  const dir = path.join(process.resourcesPath, 'fonts');
  return {
    body: path.join(dir, 'NotoSerifSC_400Regular.ttf'),
    title: path.join(dir, 'NotoSerifSC_700Bold.ttf'),
    heading: path.join(dir, 'NotoSansSC_700Bold.ttf'),
    caption: path.join(dir, 'NotoSansSC_400Regular.ttf'),
  };
}

/** The default library lives in the user data folder and is created on first run. */
async function openDefaultLibrary(): Promise<Service> {
  const root = path.join(app.getPath('userData'), '文史典藏资料库');
  if (!existsSync(path.join(root, 'library.json'))) await (await Library.create(root, '我的资料库')).close();
  return Service.open(root, {
    fonts: fonts(),
    actor: 'desktop',
    // Built beside index.js from electron/core/search/searchWorker.ts (electron.vite.config.ts).
    searchWorker: new URL('./searchWorker.js', import.meta.url),
    ...(app.isPackaged && { demoDir: path.join(process.resourcesPath, 'demo') }),
  });
}

function createWindow(current: Service): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: `${current.library.info.name} — 文史典藏`,
    show: false,
    webPreferences: secureWebPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win.show());
  const unsubscribe = current.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  win.on('closed', unsubscribe);
  void win.loadURL(RENDERER_URL);
  return win;
}

/**
 * Re-hashes every original and shows what was found. `quietIfSound` is for the scheduled run at
 * start-up, which speaks only when something is wrong.
 */
async function verifyAndReport(current: Service, repair: boolean, quietIfSound: boolean): Promise<void> {
  const result = await current.dispatch('library.verify', { repair }, {}, DESKTOP_DOOR);
  if (!result.ok) {
    await dialog.showMessageBox({ type: 'error', title: '校验资料库', message: result.error.message });
    return;
  }
  const report = result.value as OpOutput<'library.verify'>;
  if (quietIfSound && report.problems.length === 0) return;
  const lines = report.problems.slice(0, 20).map((p) => p.message);
  if (report.problems.length > 20) lines.push(`……共 ${report.problems.length} 处`);
  await dialog.showMessageBox({
    type: report.problems.length ? 'warning' : 'info',
    title: '校验资料库',
    message: report.problems.length
      ? `发现 ${report.problems.length} 处问题（共核对 ${report.checkedFiles} 个原件）`
      : `校验通过：${report.checkedFiles} 个原件完好`,
    detail: [...report.repaired.map((p) => `已重建：${p}`), ...lines].join('\n'),
  });
}

/** Runs the scheduled verification when library.json's interval says it is due. */
async function verifyIfDue(current: Service): Promise<void> {
  const days = current.library.info.settings.verifyIntervalDays;
  if (days === 0 || current.library.readOnly) return;
  const due = await nextVerificationDue(current.library);
  if (due !== null && Date.parse(due) <= Date.now()) await verifyAndReport(current, false, true);
}

function buildMenu(current: Service): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: '文件',
        submenu: [
          { label: '校验资料库…', click: () => void verifyAndReport(current, false, false) },
          { label: '校验并重建可再生内容…', click: () => void verifyAndReport(current, true, false) },
          { type: 'separator' },
          { role: 'close', label: '关闭窗口' },
          { role: 'quit', label: '退出' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          { role: 'undo', label: '撤销' },
          { role: 'redo', label: '重做' },
          { type: 'separator' },
          { role: 'cut', label: '剪切' },
          { role: 'copy', label: '复制' },
          { role: 'paste', label: '粘贴' },
          { role: 'selectAll', label: '全选' },
        ],
      },
      {
        label: '视图',
        submenu: [
          { role: 'zoomIn', label: '放大' },
          { role: 'zoomOut', label: '缩小' },
          { role: 'resetZoom', label: '实际大小' },
          { role: 'togglefullscreen', label: '全屏' },
        ],
      },
    ]),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  // Every web contents, whichever window it belongs to: no webviews, no new windows, no leaving the app.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(denyWindowOpen);
    contents.on('will-navigate', (event, url) => {
      if (shouldBlockNavigation(url, RENDERER_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (shouldBlockNavigation(url, RENDERER_URL)) event.preventDefault();
    });
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    service = await openDefaultLibrary();
    const current = service;

    protocol.handle('wenshi', async (request) => {
      const file = await resolveLibraryRequest(request.url, current.library.root, async (sha256, size) => {
        const found = await current.library.displayFile(sha256, size);
        return found?.path ?? null;
      });
      if (!file) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(file).href);
    });

    ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, op: unknown, args: unknown, meta: unknown) => {
      if (!isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, RENDERER_URL))
        return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
      return current.dispatch(String(op), args, (meta ?? {}) as CallMeta, DESKTOP_DOOR);
    });

    buildMenu(current);
    mainWindow = createWindow(current);
    void verifyIfDue(current);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(current);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing the library releases its lock; quit waits for it.
  app.on('before-quit', (event) => {
    if (!service) return;
    event.preventDefault();
    const closing = service;
    service = undefined;
    void closing.close().finally(() => app.quit());
  });
}
