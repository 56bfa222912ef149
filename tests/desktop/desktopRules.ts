// The rules the desktop door must keep, as checks on a running built main process. The smoke test
// runs them on the real build; the self-test runs them on builds broken on purpose and expects them
// to fail, so a check that cannot fail is found out.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { IPC_INVOKE_CHANNEL, IPC_LIBRARY_CHANNEL } from '../../electron/contract';
import type { MainProcess, Snapshot } from './mainProcess';

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** One window, isolated and sandboxed, without Node, with the built preload beside the main bundle. */
export function expectHardenedWindow(snapshot: Snapshot, mainFile: string): void {
  const windows = snapshot.windows.filter((w) => !w.destroyed);
  expect(windows).toHaveLength(1);
  const prefs = windows[0]!.options.webPreferences ?? {};
  const required = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
  for (const [key, value] of Object.entries(required))
    expect(prefs[key], `webPreferences.${key}`).toBe(value);
  const preload = String(prefs['preload']);
  expect(preload).toBe(path.join(path.dirname(mainFile), '../preload/index.cjs'));
  expect(existsSync(preload)).toBe(true);
}

/** Calls from anything but the app's own top frame are refused, and do nothing. */
export async function expectForeignCallsRefused(main: MainProcess): Promise<void> {
  for (const sender of ['foreign', 'subframe'] as const) {
    const item = { title: `来自${sender}`, kind: 'document' };
    const reply = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, ['items.create', item], sender);
    expect(reply.ok, `a call from a ${sender} frame`).toBe(false);
    expect(reply.error?.code, `a call from a ${sender} frame`).toBe('forbidden');
  }
  const list = await main.ipc<Reply>(IPC_INVOKE_CHANNEL, ['items.list', {}]);
  const titles = (list.value as { items: { title: string }[] }).items.map((i) => i.title);
  expect(titles.filter((t) => t.startsWith('来自'))).toEqual([]);
  // Nor may another frame switch the window to another library.
  const before = (await main.snapshot()).windows.at(-1)!.reloads;
  await main.ipc(IPC_LIBRARY_CHANNEL, [{ action: 'open' }], 'foreign');
  const snapshot = await main.snapshot();
  expect(snapshot.windows.at(-1)!.reloads).toBe(before);
  expect(snapshot.dialogs.filter((d) => d.kind === 'open')).toEqual([]);
}
