// The built preload, loaded as Electron loads a sandboxed preload: one CommonJS file whose only
// module is `electron` (here the stand-in), exposing the bridge through contextBridge.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_LIBRARY_CHANNEL,
  IPC_DIALOG_CHANNEL,
  OP_NAMES,
} from '../../electron/contract';
import { ipcRenderer, record } from './standIn/electron.mjs';

const BUILT_PRELOAD = path.resolve(__dirname, '../../out/preload/index.cjs');
const DESKTOP_METHODS = [
  'onEvent',
  'pathForFile',
  'onCommand',
  'switchLibrary',
  'person',
  'setPerson',
  'choosePath',
];

/** Runs a preload's source with a sandboxed preload's require: `electron` and nothing else. */
async function loadPreload(source: string): Promise<Record<string, unknown>> {
  const electron = await import('./standIn/electron.mjs');
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', source)(sandboxRequire, module, module.exports);
  const exposed = [...record.exposed.entries()];
  record.exposed.clear();
  expect(exposed.map(([key]) => key)).toEqual(['wenshi']);
  return exposed[0]![1];
}

/** What is wrong with an exposed bridge: anything but the contract's operations and the desktop's own. */
function bridgeProblems(bridge: Record<string, unknown>): string[] {
  const expected = new Set<string>([...OP_NAMES, ...DESKTOP_METHODS]);
  const keys = Object.keys(bridge);
  return [
    ...keys.filter((key) => !expected.has(key)).map((key) => `exposes ${key}`),
    ...[...expected].filter((key) => !keys.includes(key)).map((key) => `lacks ${key}`),
    ...keys.filter((key) => typeof bridge[key] !== 'function').map((key) => `${key} is not a function`),
  ];
}

describe('the built preload', () => {
  let bridge: Record<string, (...args: unknown[]) => unknown>;

  beforeAll(async () => {
    bridge = (await loadPreload(readFileSync(BUILT_PRELOAD, 'utf8'))) as typeof bridge;
  });

  it('exposes exactly the contract operations and the desktop methods', () => {
    expect(bridgeProblems(bridge)).toEqual([]);
  });

  it('sends each operation over the invoke channel with its arguments and job id', async () => {
    record.invoked.length = 0;
    await bridge['items.list']!({ offset: 0 }, { jobId: 'job-1' });
    await bridge['switchLibrary']!({ action: 'open' });
    await bridge['choosePath']!('backupFolder', '资料库-备份');
    expect(record.invoked).toEqual([
      { channel: IPC_INVOKE_CHANNEL, args: ['items.list', { offset: 0 }, { jobId: 'job-1' }] },
      { channel: IPC_LIBRARY_CHANNEL, args: [{ action: 'open' }] },
      { channel: IPC_DIALOG_CHANNEL, args: ['backupFolder', '资料库-备份'] },
    ]);
  });

  it('passes events to the page until it unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = bridge['onEvent']!((event: unknown) => seen.push(event)) as () => void;
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { type: 'library' });
    stop();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { type: 'library' });
    // The page sees the payload only, never Electron's event object (which carries the sender).
    expect(seen).toEqual([{ type: 'library' }]);
  });

  it('is caught when it exposes more than the contract', async () => {
    const source = readFileSync(BUILT_PRELOAD, 'utf8').replace(
      /exposeInMainWorld\("wenshi", \{/,
      'exposeInMainWorld("wenshi", { invoke: (...a) => electron.ipcRenderer.invoke(...a),',
    );
    expect(source).toContain('invoke: (...a)');
    const widened = await loadPreload(source);
    expect(bridgeProblems(widened)).toEqual(['exposes invoke']);
  });
});
