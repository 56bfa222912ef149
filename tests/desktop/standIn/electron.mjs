// A stand-in for the `electron` module, for running the built main process and preload under plain
// Node. It records what it is asked to do (windows, IPC handlers, protocol handlers, menus, dialogs,
// messages sent to the page) and does nothing more: no window opens, no page renders. Dialogs answer
// from a queue the test fills. The test reads the record and calls the recorded handlers itself,
// as the page and Chromium would.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const record = {
  appEvents: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menus: [],
  dialogs: [],
  /** Answers for the next dialogs, in order; a dialog with none queued is cancelled. */
  dialogAnswers: [],
  permissionRequestHandler: undefined,
  permissionCheckHandler: undefined,
  devicePermissionHandler: undefined,
  /** What the preload exposed with contextBridge. */
  exposed: new Map(),
  /** Calls the preload made through ipcRenderer.invoke. */
  invoked: [],
};

class StandInApp extends EventEmitter {
  isPackaged = process.env.WENSHI_STANDIN_PACKAGED === '1';
  #userData = process.env.WENSHI_STANDIN_USER_DATA ?? '';

  getPath(name) {
    if (name === 'userData') return this.#userData;
    if (name === 'documents') return this.#userData;
    throw new Error(`stand-in app.getPath: ${name} is not recorded`);
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    record.appEvents.push('quit');
    // Electron asks before quitting; a handler may prevent it (and call quit again later).
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) record.appEvents.push('quitted');
  }
  exit(code = 0) {
    record.appEvents.push(`exit ${code}`);
  }
}
export const app = new StandInApp();

let nextWindowId = 1;

class StandInFrame {
  constructor(url) {
    this.url = url;
  }
}

class StandInWebContents extends EventEmitter {
  sent = [];
  reloads = 0;
  windowOpenHandler = undefined;
  mainFrame = new StandInFrame('');
  send(channel, payload) {
    // Electron serialises what it sends: a payload that cannot be cloned never reaches the page.
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  reload() {
    this.reloads += 1;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows.filter((w) => !w.destroyed);
  }

  constructor(options = {}) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.title = options.title ?? '';
    this.url = undefined;
    this.shown = false;
    this.destroyed = false;
    this.webContents = new StandInWebContents();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.url = url;
    this.webContents.mainFrame.url = url;
    // What Chromium would say once the page has painted.
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.shown = true;
  }
  setTitle(title) {
    this.title = title;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

function answerDialog(kind, args) {
  const options = args.find((a) => a && typeof a === 'object' && !(a instanceof BrowserWindow)) ?? {};
  record.dialogs.push({ kind, options });
  return record.dialogAnswers.shift();
}

export const dialog = {
  async showOpenDialog(...args) {
    return answerDialog('open', args) ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args) {
    return answerDialog('save', args) ?? { canceled: true };
  },
  async showMessageBox(...args) {
    return answerDialog('message', args) ?? { response: 0, checkboxChecked: false };
  },
  showErrorBox(title, content) {
    record.dialogs.push({ kind: 'error', options: { title, content } });
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    record.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.menus.push(menu);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const net = {
  // Only what the main process asks of it: reading a file the protocol handler resolved.
  async fetch(url) {
    if (!url.startsWith('file:')) throw new Error(`stand-in net.fetch reads only file URLs, not ${url}`);
    return new Response(await readFile(fileURLToPath(url)));
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler) {
      record.devicePermissionHandler = handler;
    },
  },
};

// The preload's side.
export const contextBridge = {
  exposeInMainWorld(key, api) {
    record.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  async invoke(channel, ...args) {
    record.invoked.push({ channel, args });
    return { ok: true, value: null };
  },
});

export const webUtils = {
  getPathForFile: (file) => file?.path ?? '',
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  session,
  webUtils,
};
