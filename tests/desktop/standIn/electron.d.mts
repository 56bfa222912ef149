// Types of the stand-in `electron` module, as far as the tests read its record.
import type { EventEmitter } from 'node:events';

export const record: {
  exposed: Map<string, Record<string, unknown>>;
  invoked: { channel: string; args: unknown[] }[];
};
export const ipcRenderer: EventEmitter;
