import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WenshiError, type ErrorCode } from '../errors';
import type { CoreSentence } from '../model';
import type { PageReading } from './engineTypes';
import type { FromOcrWorker, ToOcrWorker } from './workerProtocol';

/**
 * The worker's file: beside this module when it runs from source (through tsx); in the desktop
 * app's bundle, the built `ocrWorker.js` beside the main bundle (electron.vite.config.ts), which
 * is this module's folder or the one above it when this module was split into a chunk.
 */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./sourceWorker.mjs', import.meta.url);
  const candidates = ['./ocrWorker.js', '../ocrWorker.js'].map((rel) => new URL(rel, import.meta.url));
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]!;
}

type Request = ToOcrWorker extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

/** Talks to one OCR worker thread: one request at a time, answered in order. */
export class OcrWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: FromOcrWorker) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(workerUrl());
    this.worker.on('message', (message: FromOcrWorker) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiting?.resolve(message);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`OCR worker stopped (${code})`)));
  }

  private ask(request: Request): Promise<FromOcrWorker> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as ToOcrWorker);
    });
  }

  private static check<T extends FromOcrWorker['type']>(
    answer: FromOcrWorker,
    type: T,
  ): Extract<FromOcrWorker, { type: T }> {
    if (answer.type === 'error') {
      const { code, sentence, params, message } = answer.error;
      if (code && sentence)
        throw new (WenshiError as new (c: ErrorCode, s: CoreSentence, p: Record<string, string>) => WenshiError)(
          code as ErrorCode,
          sentence as CoreSentence,
          params ?? {},
        );
      throw new Error(message);
    }
    if (answer.type !== type) throw new Error(`OCR worker answered ${answer.type} to ${type}`);
    return answer as Extract<FromOcrWorker, { type: T }>;
  }

  async pagesToRead(file: string, mime: string): Promise<number[]> {
    return OcrWorker.check(await this.ask({ type: 'pages', file, mime }), 'pages').pages;
  }

  async read(file: string, mime: string, page: number): Promise<{ reading: PageReading; engine: string }> {
    const answer = OcrWorker.check(await this.ask({ type: 'read', file, mime, page }), 'read');
    return { reading: answer.reading, engine: answer.engine };
  }

  /** Stops at once, also mid-page (a cancel): nothing half-read was stored. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
