import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  IPC_COMMAND_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_LIBRARY_CHANNEL,
  IPC_PERSON_CHANNEL,
  IPC_DIALOG_CHANNEL,
  OP_NAMES,
  type AppCommand,
  type ApiEvent,
  type CallMeta,
  type DesktopBridge,
  type LibraryChoice,
  type PersonInfo,
  type Result,
  type PathPurpose,
} from '../contract';

/** Subscribes to one channel main sends on; returns the unsubscribe. */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: Electron.IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

// Exposes exactly the contract's operations (one method each) and the event stream.
const operations = Object.fromEntries(
  OP_NAMES.map((op) => [
    op,
    (args: unknown, meta?: CallMeta) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, op, args, meta),
  ]),
);

// Besides the contract, only the desktop's own part: a dropped file's path (which the page cannot
// learn itself), the menu's commands, the request to show another library, the person's name and
// native file dialogs.
const desktop: DesktopBridge = {
  onEvent: (listener: (event: ApiEvent) => void) => listen(IPC_EVENT_CHANNEL, listener),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  onCommand: (listener: (command: AppCommand) => void) => listen(IPC_COMMAND_CHANNEL, listener),
  switchLibrary: async (choice: LibraryChoice) => {
    await ipcRenderer.invoke(IPC_LIBRARY_CHANNEL, choice);
  },
  person: () => ipcRenderer.invoke(IPC_PERSON_CHANNEL) as Promise<PersonInfo>,
  setPerson: (name: string) => ipcRenderer.invoke(IPC_PERSON_CHANNEL, name) as Promise<Result<PersonInfo>>,
  choosePath: (purpose: PathPurpose, suggestedName?: string) =>
    ipcRenderer.invoke(IPC_DIALOG_CHANNEL, purpose, suggestedName) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('wenshi', { ...operations, ...desktop });
