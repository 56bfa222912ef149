// 识别文字: OCR of the items' page images, in a worker thread, page by page, resumable.
import type { AppContext, Handlers } from '../context';

type OcrHandlers = Pick<Handlers, 'ocr.run' | 'ocr.pages'>;

/** Loaded when first needed: the models and their runtime are large, and most calls never read a page. */
async function ocrModule() {
  return import('../../core/ocr');
}

export function ocrUseCases(app: AppContext): OcrHandlers {
  return {
    'ocr.run': async ({ ids }, context) => (await ocrModule()).runOcr(app.library, ids, context),
    'ocr.pages': async ({ id }) => {
      const item = app.library.catalog.require(id);
      const { OcrStore } = await ocrModule();
      return { pages: await new OcrStore(OcrStore.folder(app.library.root)).pages(item) };
    },
  };
}
