import { WenshiError, throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';
import type { Library } from '../library';
import { OCR_SUGGESTION_FIELD, OCR_SUGGESTION_SOURCE, type Item } from '../model';
import { OcrStore, ocrText } from './ocrStore';
import { ocrFiles } from './pageImages';
import { OcrWorker } from './workerClient';


export interface OcrItemResult {
  id: string;
  /** Pages read in this run. */
  read: number;
  /** Pages read before (a resumed run skips them). */
  kept: number;
  /** Originals that could not be read, with the reason. */
  failed: { file: string; reason: string }[];
  /** The item now has the OCR text waiting in its review (not yet its text). */
  suggested: boolean;
}

export interface OcrRunResult {
  items: OcrItemResult[];
  pagesRead: number;
}

interface PageTask {
  item: Item;
  file: Item['files'][number];
  path: string;
  page: number;
}

/** Puts the OCR text in the item's review queue (replacing an older OCR suggestion); never in its text. */
async function suggestText(library: Library, store: OcrStore, id: string): Promise<boolean> {
  const item = library.catalog.require(id);
  const text = ocrText(await store.pages(item));
  if (text.trim() === '' || text === item.text) return false;
  const others = item.suggestions.filter((s) => s.field !== OCR_SUGGESTION_FIELD);
  await library.updateItem(id, {
    suggestions: [...others, { field: OCR_SUGGESTION_FIELD, value: text, source: OCR_SUGGESTION_SOURCE }],
  });
  return true;
}

/**
 * Reads the page images of the items named (photos and scans, and the PDF pages that have no text
 * of their own) in a worker thread, one page at a time. Each page is stored as soon as it is read,
 * so a run cut short (cancelled, or the process killed) resumes at the next page. When all of an
 * item's pages are read, their text waits in the item's review as a suggestion. No ids: every
 * item with a page image.
 */
export async function runOcr(library: Library, ids: string[], context: JobContext = {}): Promise<OcrRunResult> {
  library.assertWritable();
  const chosen =
    ids.length > 0
      ? ids
      : library.catalog
          .all()
          .filter((item) => ocrFiles(item).length > 0)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((item) => item.id);
  const items = chosen.map((id) => {
    const item = library.catalog.get(id);
    if (!item) throw new WenshiError('not_found', 'item_not_found', { id });
    return item;
  });
  const store = new OcrStore(OcrStore.folder(library.root));
  const worker = new OcrWorker();
  const results = new Map<string, OcrItemResult>(
    items.map((item) => [item.id, { id: item.id, read: 0, kept: 0, failed: [], suggested: false }]),
  );
  const stop = () => void worker.close();
  context.signal?.addEventListener('abort', stop);
  try {
    // First what is left to read, so progress can count pages.
    const tasks: PageTask[] = [];
    for (const item of items) {
      const result = results.get(item.id)!;
      for (const file of ocrFiles(item)) {
        throwIfCancelled(context.signal);
        const filePath = library.files.pathFor(file.sha256, file.name);
        try {
          const done = await store.done(item.id, file.sha256);
          for (const page of await worker.pagesToRead(filePath, file.mime)) {
            if (done.has(page)) result.kept++;
            else tasks.push({ item, file, path: filePath, page });
          }
        } catch (error) {
          throwIfCancelled(context.signal);
          if (!(error instanceof WenshiError)) throw error;
          result.failed.push({ file: file.name, reason: error.message });
        }
      }
    }
    const started = Date.now();
    let pagesRead = 0;
    for (const [index, task] of tasks.entries()) {
      throwIfCancelled(context.signal);
      const elapsed = (Date.now() - started) / 1000;
      const left = tasks.length - index;
      context.onProgress?.({
        phase: 'ocr',
        done: index,
        total: tasks.length,
        current: `${task.item.title} · ${task.page}`,
        ...(index > 0 && { etaSeconds: Math.round((elapsed / index) * left) }),
      });
      const pageStarted = Date.now();
      let answer;
      try {
        answer = await worker.read(task.path, task.file.mime, task.page);
      } catch (error) {
        throwIfCancelled(context.signal);
        if (!(error instanceof WenshiError)) throw error;
        results.get(task.item.id)!.failed.push({ file: task.file.name, reason: error.message });
        continue;
      }
      await store.save(task.item.id, {
        file: task.file.sha256,
        page: task.page,
        ...answer.reading,
        engine: answer.engine,
        readAt: library.clock().toISOString(),
        seconds: Math.round((Date.now() - pageStarted) / 100) / 10,
      });
      results.get(task.item.id)!.read++;
      pagesRead++;
    }
    context.onProgress?.({ phase: 'ocr', done: tasks.length, total: tasks.length });
    // Items named are offered their text again even when every page was read before (a person
    // asked); a run over the whole library offers only what it read, so text accepted and
    // proofread earlier is not offered a second time.
    const offerAgain = ids.length > 0;
    for (const result of results.values())
      if (result.read > 0 || (offerAgain && result.kept > 0))
        result.suggested = await suggestText(library, store, result.id);
    return { items: [...results.values()], pagesRead };
  } catch (error) {
    throwIfCancelled(context.signal);
    throw error;
  } finally {
    context.signal?.removeEventListener('abort', stop);
    await worker.close();
  }
}
