// Runs a built main process (argv[2]) under plain Node with the stand-in `electron`, and answers the
// test's requests over the fork channel: what was recorded, and calls into the recorded handlers made
// as the page, Chromium or the user would make them.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./resolveElectron.mjs', import.meta.url);
// The hooked import below is awaited at top level: something must keep the loop alive meanwhile.
const keepAlive = setInterval(() => {}, 60_000);

const { record, app } = await import('./electron.mjs');

const FOREIGN_PAGE = 'https://evil.example/';

function currentWindow() {
  return record.windows.filter((w) => !w.destroyed).at(-1);
}

async function until(what, test, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`stand-in: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function windowView(w) {
  return {
    id: w.id,
    options: w.options,
    url: w.url,
    title: w.title,
    shown: w.shown,
    destroyed: w.destroyed,
    reloads: w.webContents.reloads,
    denysWindowOpen: w.webContents.windowOpenHandler?.({ url: 'https://example.org/' })?.action === 'deny',
    listeners: w.webContents.eventNames().map(String),
  };
}

/** The frame a call appears to come from. */
function senderFrame(win, sender) {
  if (sender === 'app') return win.webContents.mainFrame;
  // An iframe inside the app's own page: same URL, but not the top frame.
  if (sender === 'subframe') return { url: win.webContents.mainFrame.url };
  return { url: FOREIGN_PAGE };
}

const commands = {
  snapshot() {
    return {
      appEvents: record.appEvents,
      privilegedSchemes: record.privilegedSchemes,
      protocolSchemes: [...record.protocolHandlers.keys()],
      ipcChannels: [...record.ipcHandlers.keys()],
      windows: record.windows.map(windowView),
      menus: record.menus.length,
      menuLabels: (record.menus.at(-1)?.template ?? []).map((entry) => entry.label ?? entry.role),
      dialogs: record.dialogs,
      permissionHandlers: {
        request: typeof record.permissionRequestHandler === 'function',
        check: typeof record.permissionCheckHandler === 'function',
        device: typeof record.devicePermissionHandler === 'function',
      },
    };
  },
  sent() {
    return currentWindow()?.webContents.sent ?? [];
  },
  async invoke({ channel, args, sender = 'app' }) {
    const handler = record.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    const win = currentWindow();
    const event = { sender: win.webContents, senderFrame: senderFrame(win, sender) };
    // What reaches the page is what survives Electron's structured clone.
    return structuredClone(await handler(event, ...args));
  },
  async fetch({ url }) {
    const handler = record.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no protocol handler for ${url}`);
    const response = await handler(new Request(url));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      bytes: body.length,
      head: body.subarray(0, 12).toString('latin1'),
    };
  },
  navigate({ url, kind = 'will-navigate', isMainFrame = true }) {
    const win = currentWindow();
    let prevented = false;
    // will-frame-navigate hands over one details event, which says whether the top frame is moving.
    const event = { preventDefault: () => (prevented = true), url, isMainFrame };
    win.webContents.emit(kind, event, url);
    return { prevented, listened: win.webContents.listenerCount(kind) > 0 };
  },
  async permission({ permission, handler = 'request' }) {
    const win = currentWindow();
    if (handler === 'check')
      return record.permissionCheckHandler?.(win.webContents, permission, FOREIGN_PAGE, {});
    if (handler === 'device')
      return record.devicePermissionHandler?.({ deviceType: 'usb', origin: FOREIGN_PAGE });
    return new Promise((resolve) => {
      if (!record.permissionRequestHandler) return resolve('no handler');
      record.permissionRequestHandler(win.webContents, permission, resolve, {});
    });
  },
  answerDialogs({ answers }) {
    record.dialogAnswers.push(...answers);
  },
  async waitForWindowReload({ reloads }) {
    await until('the window to reload', () => (currentWindow()?.webContents.reloads ?? 0) >= reloads);
  },
  async quit() {
    app.quit();
    await until('the app to quit', () => record.appEvents.includes('quitted'));
    return record.appEvents;
  },
};

process.on('message', async ({ id, command, args }) => {
  try {
    const value = await commands[command](args ?? {});
    process.send({ id, ok: true, value });
  } catch (error) {
    process.send({ id, ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});

if (app.isPackaged) process.resourcesPath = process.env.WENSHI_STANDIN_RESOURCES;
try {
  await import(pathToFileURL(process.argv[2]).href);
  // Started: a window was made, or the app gave up (exit recorded).
  await until(
    'a window',
    () => record.windows.length > 0 || record.appEvents.some((e) => e.startsWith('exit')),
  );
  process.send({ started: true });
} catch (error) {
  process.send({ started: false, error: error instanceof Error ? error.stack : String(error) });
} finally {
  clearInterval(keepAlive);
}
