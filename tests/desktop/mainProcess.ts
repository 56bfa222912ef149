import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const HOST = path.join(__dirname, 'standIn', 'host.mjs');
export const BUILT_MAIN = path.resolve(__dirname, '../../out/main/index.js');

export interface WindowView {
  id: number;
  options: { title?: string; webPreferences?: Record<string, unknown> };
  url: string | undefined;
  title: string;
  shown: boolean;
  destroyed: boolean;
  reloads: number;
  denysWindowOpen: boolean;
  listeners: string[];
}

export interface Snapshot {
  appEvents: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolSchemes: string[];
  ipcChannels: string[];
  windows: WindowView[];
  menus: number;
  menuLabels: string[];
  dialogs: { kind: string; options: Record<string, unknown> }[];
  permissionHandlers: { request: boolean; check: boolean; device: boolean };
}

export interface FetchResult {
  status: number;
  headers: Record<string, string>;
  bytes: number;
  /** The first bytes, to tell a WebP from a text file. */
  head: string;
}

type Sender = 'app' | 'subframe' | 'foreign';

/**
 * A built main process running under Node with the stand-in `electron` (tests/desktop/standIn).
 * Each method is one request to the process; it answers from what the main process recorded or
 * from the handler it registered.
 */
export class MainProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  stderr = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.error));
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values())
        waiting.reject(new Error(`main process exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  static async start(options: {
    userData: string;
    mainFile?: string;
    /** Run as a packaged app whose resources folder is this. */
    resources?: string;
  }): Promise<MainProcess> {
    const child = fork(HOST, [options.mainFile ?? BUILT_MAIN], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        WENSHI_STANDIN_USER_DATA: options.userData,
        WENSHI_STANDIN_PACKAGED: options.resources ? '1' : '0',
        WENSHI_STANDIN_RESOURCES: options.resources ?? '',
      },
    });
    const main = new MainProcess(child);
    child.stderr!.on('data', (chunk: Buffer) => (main.stderr += chunk.toString()));
    child.stdout!.resume();
    const started = await new Promise<{ started: boolean; error?: string }>((resolve) => {
      child.on('message', (message: { started?: boolean; error?: string }) => {
        if ('started' in message) resolve(message as { started: boolean; error?: string });
      });
      child.on('exit', (code) =>
        resolve({ started: false, error: `exited with ${code} before starting: ${main.stderr}` }),
      );
    });
    if (!started.started) {
      child.kill();
      throw new Error(`the built main process did not start: ${started.error}`);
    }
    return main;
  }

  request<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, command, args });
    });
  }

  snapshot(): Promise<Snapshot> {
    return this.request('snapshot');
  }

  /** A call over one IPC channel, from the app's page unless another sender is named. */
  ipc<T = unknown>(channel: string, args: unknown[], sender: Sender = 'app'): Promise<T> {
    return this.request('invoke', { channel, args, sender });
  }

  fetch(url: string): Promise<FetchResult> {
    return this.request('fetch', { url });
  }

  sent(): Promise<{ channel: string; payload: unknown }[]> {
    return this.request('sent');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}
