/**
 * OCR in a worker thread: pages are opened, rendered and read here, one at a time, so the process
 * serving the doors never waits on a model. The parent stores what comes back.
 */
import { parentPort } from 'node:worker_threads';
import { WenshiError } from '../errors';
import { PageSource } from './pageImages';
import { PaddleEngine } from './paddleEngine';
import type { FromOcrWorker, ToOcrWorker } from './workerProtocol';

const port = parentPort!;
let engine: Promise<PaddleEngine> | undefined;
/** The original whose pages are being read, kept open between pages. */
let open: { file: string; source: Promise<PageSource> } | undefined;

async function sourceFor(file: string, mime: string): Promise<PageSource> {
  if (open?.file !== file) {
    const previous = open;
    open = { file, source: PageSource.open(file, mime) };
    if (previous) void previous.source.then((s) => s.close(), () => undefined);
  }
  return open.source;
}

async function handle(message: ToOcrWorker): Promise<FromOcrWorker> {
  if (message.type === 'pages') {
    const source = await sourceFor(message.file, message.mime);
    return { type: 'pages', id: message.id, pages: await source.pagesToRead() };
  }
  const source = await sourceFor(message.file, message.mime);
  const image = await source.render(message.page);
  engine ??= PaddleEngine.open();
  const ready = await engine;
  const reading = await ready.read(image);
  return { type: 'read', id: message.id, reading, engine: ready.name };
}

port.on('message', (message: ToOcrWorker) => {
  handle(message).then(
    (answer) => port.postMessage(answer),
    (error: Error) =>
      port.postMessage({
        type: 'error',
        id: message.id,
        error:
          error instanceof WenshiError
            ? { code: error.code, sentence: error.sentence, params: error.params, message: error.message }
            : { message: error.message },
      } satisfies FromOcrWorker),
  );
});
