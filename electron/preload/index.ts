import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  OP_NAMES,
  type ApiEvent,
  type CallMeta,
} from '../api/contract';

// Exposes exactly the contract's operations (one method each) and the event stream; nothing else.
const bridge: Record<string, unknown> = Object.fromEntries(
  OP_NAMES.map((op) => [
    op,
    (args: unknown, meta?: CallMeta) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, op, args, meta),
  ]),
);
bridge['onEvent'] = (listener: (event: ApiEvent) => void) => {
  const handler = (_event: Electron.IpcRendererEvent, payload: ApiEvent) => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
};

// Besides the contract, only this: a dropped file's path, which the page cannot learn itself.
bridge['pathForFile'] = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('wenshi', bridge);
