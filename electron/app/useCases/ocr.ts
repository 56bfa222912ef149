// 识别文字: OCR of the items' page images, in a worker thread, page by page, resumable.
import { WenshiError } from '../../core/errors';
import type { AppContext, Handlers } from '../context';

type OcrHandlers = Pick<Handlers, 'ocr.run' | 'ocr.pages' | 'ocr.pageImage'>;

/** Proofreading needs the page legible, not at scan resolution: this wide at most. */
const PROOF_IMAGE_WIDTH = 1400;

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
    'ocr.pageImage': async ({ id, file, page }) => {
      const item = app.library.catalog.require(id);
      const ref = item.files.find((f) => f.sha256 === file);
      if (!ref) throw new WenshiError('not_found', 'ocr_page_not_found');
      const { PageSource } = await ocrModule();
      // Drawn the way OCR drew it (PDF pages rendered, photos turned upright), so the boxes fit.
      const source = await PageSource.open(app.library.files.pathFor(ref.sha256, ref.name), ref.mime);
      try {
        if (page > source.pageCount) throw new WenshiError('not_found', 'ocr_page_not_found');
        const gray = await source.render(page);
        const { default: sharp } = await import('sharp');
        const { data, info } = await sharp(Buffer.from(gray.data.buffer, gray.data.byteOffset, gray.data.length), {
          raw: { width: gray.width, height: gray.height, channels: 1 },
        })
          .resize({ width: PROOF_IMAGE_WIDTH, withoutEnlargement: true })
          .jpeg({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { image: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
      } finally {
        await source.close();
      }
    },
  };
}
