import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  IPC_COMMAND_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_LIBRARY_CHANNEL,
  IPC_PERSON_CHANNEL,
  IPC_DIALOG_CHANNEL,
  LibraryChoiceSchema,
  type AppCommand,
  type LibraryChoice,
  type OpOutput,
} from '../contract';
import {
  Application,
  createLibrary,
  holdsLibrary,
  isRecent,
  lastLibrary,
  loadPersonName,
  packagedFonts,
  savePersonName,
  systemUserName,
  Workspace,
  withAvailability,
} from '../app';
import {
  DESKTOP_DOOR,
  denyWindowOpen,
  isTrustedSender,
  secureWebPreferences,
  shouldBlockFrameNavigation,
  shouldBlockNavigation,
} from './windowOptions';
import { APP_PAGE_URL, wenshiResponse } from './appProtocol';
import { createFailure, openFailure, startFailure, type Notice } from './libraryNotices';
import { menuTemplate } from './menuTemplate';
import { isPathPurpose, pathDialog } from './pathDialogs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_DIR = path.join(here, '../renderer');
// The dev server while developing (electron-vite sets it); else the built page over wenshi://app/.
const RENDERER_URL = process.env['ELECTRON_RENDERER_URL'] ?? APP_PAGE_URL;

// Before ready, as Electron requires. Standard and secure so the page has an origin of its own and a
// secure context; no bypassCSP: the page's policy holds for it like any other.
protocol.registerSchemesAsPrivileged([
  // codeCache: Chromium keeps the page's compiled scripts between launches, as it does for http.
  { scheme: 'wenshi', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let holder: Workspace<Application> | undefined;
/** Libraries `library.restore` made in this run: the page may ask to switch to these, and only these. */
const restoredRoots = new Set<string>();
let mainWindow: BrowserWindow | undefined;
/** Stops the open library's events from reaching the window. */
let detachEvents: (() => void) | undefined;

/** From node_modules in development; from resources/fonts, where electron-builder.yml puts them, when packaged. */
const fonts = () => packagedFonts(app.isPackaged ? process.resourcesPath : undefined);

function openApplication(root: string): Promise<Application> {
  return Application.open(root, {
    fonts: fonts(),
    actor: 'desktop',
    // Built beside index.js from electron/core/search/searchWorker.ts (electron.vite.config.ts).
    searchWorker: new URL('./searchWorker.js', import.meta.url),
    ...(app.isPackaged && { demoDir: path.join(process.resourcesPath, 'demo') }),
  });
}

function windowTitle(current: Application): string {
  return `${current.name} — 文史典藏`;
}

/** The default library lives in the user data folder and is created on first run. */
async function defaultLibrary(): Promise<string> {
  const root = path.join(app.getPath('userData'), '文史典藏资料库');
  if (!holdsLibrary(root)) await createLibrary(root, '我的资料库');
  return root;
}

/** A message box, over the window when there is one. */
function showMessage(options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

async function notify(type: 'error' | 'warning', title: string, notice: Notice): Promise<void> {
  await showMessage({ type, title, message: notice.message, detail: notice.detail });
}

/** Sends the open library's events to the window, and only that library's. */
function attachEvents(win: BrowserWindow, current: Application): void {
  detachEvents?.();
  detachEvents = current.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}

function createWindow(current: Application): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: windowTitle(current),
    show: false,
    webPreferences: secureWebPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win.show());
  attachEvents(win, current);
  win.on('closed', () => {
    detachEvents?.();
    detachEvents = undefined;
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(RENDERER_URL);
  return win;
}

/** Shows a library in the window: the old one is closed cleanly and the page starts afresh. */
async function switchLibrary(root: string): Promise<void> {
  if (!holder) return;
  const outcome = await holder.switchTo(root);
  if (outcome.kind === 'failed') return notify('error', '打开资料库', openFailure(outcome.error, root));
  if (outcome.kind !== 'switched') return;
  buildMenu();
  if (mainWindow) {
    attachEvents(mainWindow, outcome.service);
    mainWindow.setTitle(windowTitle(outcome.service));
    mainWindow.webContents.reload();
  } else mainWindow = createWindow(outcome.service);
  void verifyIfDue(outcome.service);
}

async function chooseAndOpen(): Promise<void> {
  const options = {
    title: '打开资料库',
    buttonLabel: '打开',
    message: '选择资料库文件夹（其中有 library.json 文件）',
    properties: ['openDirectory' as const],
  };
  const chosen = await (mainWindow
    ? dialog.showOpenDialog(mainWindow, options)
    : dialog.showOpenDialog(options));
  if (!chosen.canceled && chosen.filePaths[0]) await switchLibrary(chosen.filePaths[0]);
}

async function chooseAndCreate(): Promise<void> {
  const options = {
    title: '新建资料库',
    buttonLabel: '新建',
    message: '输入新资料库文件夹的名称，它也是资料库的名称',
    defaultPath: path.join(app.getPath('documents'), '新资料库'),
    properties: ['createDirectory' as const],
  };
  const chosen = await (mainWindow
    ? dialog.showSaveDialog(mainWindow, options)
    : dialog.showSaveDialog(options));
  if (chosen.canceled || !chosen.filePath) return;
  const root = chosen.filePath;
  try {
    await createLibrary(root, path.basename(root));
  } catch (error) {
    const failure = createFailure(error, root, holdsLibrary(root));
    const answer = await showMessage({
      type: failure.offerOpen ? 'question' : 'error',
      title: '新建资料库',
      message: failure.message,
      detail: failure.detail,
      buttons: failure.offerOpen ? ['打开这个资料库', '取消'] : ['确定'],
      cancelId: failure.offerOpen ? 1 : 0,
    });
    if (!failure.offerOpen || answer.response !== 0) return;
  }
  await switchLibrary(root);
}

/** Carries out a choice the page passed on (after keeping or dropping its unsaved edits). */
async function carryOut(choice: LibraryChoice): Promise<void> {
  if (choice.action === 'open') return chooseAndOpen();
  if (choice.action === 'create') return chooseAndCreate();
  if (choice.action === 'restored') {
    if (restoredRoots.has(choice.root)) return switchLibrary(choice.root);
    return;
  }
  // Only a folder from the list: the page cannot have any folder opened.
  if (holder && isRecent(holder.recentLibraries, choice.root)) return switchLibrary(choice.root);
}

/** A native dialog the page asked for (see pathDialogs); the chosen path, or null. */
async function choosePath(purpose: unknown, suggestedName: unknown): Promise<string | null> {
  if (!mainWindow || !isPathPurpose(purpose)) return null;
  const dialogSpec = pathDialog(
    purpose,
    typeof suggestedName === 'string' ? suggestedName : '',
    app.getPath('documents'),
  );
  if (dialogSpec.kind === 'open') {
    const chosen = await dialog.showOpenDialog(mainWindow, dialogSpec.options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  }
  const chosen = await dialog.showSaveDialog(mainWindow, dialogSpec.options);
  return chosen.canceled ? null : (chosen.filePath ?? null);
}

function sendCommand(command: AppCommand): void {
  mainWindow?.webContents.send(IPC_COMMAND_CHANNEL, command);
}

async function chooseFilesToImport(): Promise<void> {
  if (!mainWindow) return;
  const chosen = await dialog.showOpenDialog(mainWindow, {
    title: '导入文件',
    buttonLabel: '导入',
    properties: ['openFile', 'multiSelections'],
  });
  if (!chosen.canceled && chosen.filePaths.length > 0)
    sendCommand({ name: 'importPaths', paths: chosen.filePaths });
}

/**
 * Re-hashes every original and shows what was found. `quietIfSound` is for the scheduled run at
 * start-up, which speaks only when something is wrong.
 */
async function verifyAndReport(current: Application, repair: boolean, quietIfSound: boolean): Promise<void> {
  const result = await current.dispatch('library.verify', { repair }, {}, DESKTOP_DOOR);
  if (!result.ok) {
    await showMessage({ type: 'error', title: '校验资料库', message: result.error.message });
    return;
  }
  const report = result.value as OpOutput<'library.verify'>;
  if (quietIfSound && report.problems.length === 0) return;
  const lines = report.problems.slice(0, 20).map((p) => p.message);
  if (report.problems.length > 20) lines.push(`……共 ${report.problems.length} 处`);
  await showMessage({
    type: report.problems.length ? 'warning' : 'info',
    title: '校验资料库',
    message: report.problems.length
      ? `发现 ${report.problems.length} 处问题（共核对 ${report.checkedFiles} 个原件）`
      : `校验通过：${report.checkedFiles} 个原件完好`,
    detail: [...report.repaired.map((p) => `已重建：${p}`), ...lines].join('\n'),
  });
}

/** Runs the scheduled verification when library.json's interval says it is due. */
async function verifyIfDue(current: Application): Promise<void> {
  const due = await current.verificationDue();
  if (due !== null && Date.parse(due) <= Date.now()) await verifyAndReport(current, false, true);
}

function buildMenu(): void {
  const recent = withAvailability(holder?.recentLibraries ?? [], holdsLibrary);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(recent, {
        // The page is asked first: it may hold unsaved edits, which a reload would lose.
        switchLibrary: (choice) =>
          mainWindow ? sendCommand({ name: 'switchLibrary', choice }) : void carryOut(choice),
        clearRecent: () => void holder?.clearRecent().then(buildMenu),
        command: (name) => sendCommand({ name }),
        importFiles: () => void chooseFilesToImport(),
        verify: (repair) => {
          if (holder?.service) void verifyAndReport(holder.service, repair, false);
        },
        tool: (tool) => sendCommand({ name: 'openTools', tool }),
      }),
    ),
  );
}

/** Opens the library of last time, or else the default one; says so when last time's failed. */
async function openAtStart(current: Workspace<Application>): Promise<Notice | null> {
  const last = lastLibrary(current.recentLibraries, holdsLibrary);
  const tried = last ? await current.switchTo(last) : null;
  if (current.service) return null;
  const fallback = await defaultLibrary();
  const opened = await current.switchTo(fallback);
  if (opened.kind === 'failed') throw opened.error;
  return tried?.kind === 'failed' ? startFailure(tried.error, last!, fallback) : null;
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
    // Every frame: the top one stays on the app; an iframe shows the app or, in the compile preview,
    // a compiled PDF, and wanders nowhere else.
    contents.on('will-frame-navigate', (event) => {
      if (shouldBlockFrameNavigation(event.url, event.isMainFrame, RENDERER_URL)) event.preventDefault();
    });
  });

  void app.whenReady().then(async () => {
    // The page's files need no library; library files are answered from whichever is open.
    protocol.handle('wenshi', (request) => wenshiResponse(request, RENDERER_DIR, holder?.service));
    // An offline archive needs no camera, microphone, location, notifications or devices: asked or
    // merely checked, the answer is no.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
    holder = await Workspace.load<Application>({
      open: openApplication,
      recentFile: path.join(app.getPath('userData'), 'recent-libraries.json'),
      report: (what, error) => console.error(`${what}：`, error),
    });
    const current = holder;
    let startNotice: Notice | null;
    try {
      startNotice = await openAtStart(current);
    } catch (error) {
      // Not even the default library opens (a full or read-only disk): say why rather than hang.
      const failure = openFailure(error, app.getPath('userData'));
      dialog.showErrorBox(failure.message, failure.detail);
      app.exit(1);
      return;
    }

    ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, op: unknown, args: unknown, meta: unknown) => {
      if (!isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, RENDERER_URL))
        return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
      const service = current.service;
      if (!service)
        return { ok: false, error: { code: 'unavailable', message: '资料库正在切换，请稍候再试' } };
      const result = await service.dispatch(String(op), args, meta, DESKTOP_DOOR);
      if (op === 'library.restore' && result.ok) restoredRoots.add((result.value as { root: string }).root);
      return result;
    });

    ipcMain.handle(IPC_DIALOG_CHANNEL, async (event, purpose: unknown, suggestedName: unknown) => {
      if (!isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, RENDERER_URL)) return null;
      return choosePath(purpose, suggestedName);
    });

    ipcMain.handle(IPC_LIBRARY_CHANNEL, async (event, choice: unknown) => {
      if (!isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, RENDERER_URL)) return;
      const parsed = LibraryChoiceSchema.safeParse(choice);
      if (parsed.success) await carryOut(parsed.data);
    });

    // Who makes the changes, for the audit log: asked once by the page, kept beside the recent list.
    const personFile = path.join(app.getPath('userData'), 'person.json');
    ipcMain.handle(IPC_PERSON_CHANNEL, async (event, name: unknown) => {
      const trusted = isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, RENDERER_URL);
      if (!trusted && name === undefined) return { name: null, systemName: '' };
      if (!trusted) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
      if (name === undefined) return { name: await loadPersonName(personFile), systemName: systemUserName() };
      try {
        return {
          ok: true,
          value: { name: await savePersonName(personFile, name), systemName: systemUserName() },
        };
      } catch (error) {
        return { ok: false, error: { code: 'invalid_argument', message: (error as Error).message } };
      }
    });

    buildMenu();
    mainWindow = createWindow(current.service!);
    if (startNotice)
      mainWindow.once('ready-to-show', () => void notify('warning', '打开资料库', startNotice));
    void verifyIfDue(current.service!);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0 && current.service)
        mainWindow = createWindow(current.service);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing the library flushes the index and releases its lock; quit waits for it.
  app.on('before-quit', (event) => {
    if (!holder) return;
    event.preventDefault();
    const closing = holder;
    holder = undefined;
    void closing.close().finally(() => app.quit());
  });
}
