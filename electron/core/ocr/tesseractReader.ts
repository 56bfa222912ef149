// Tesseract 5 (tesseract.js, WebAssembly) with its traditional Chinese model, for the second reading
// of traditional pages. The model comes from npm (@tesseract.js-data/chi_tra) and is read from disk:
// nothing is fetched and nothing cached.
import type { GrayImage } from './engineTypes';
import { packageFile } from './packageFile';
import type { Symbol } from './ensemble';

/**
 * tessdata's standard chi_tra (the one Linux distributions ship), read more accurately on the
 * sample pages than the smaller best_int.
 */
const MODEL_VERSION = '4.0.0';

export function chiTraFolder(): string {
  return packageFile('@tesseract.js-data/chi_tra/package.json', MODEL_VERSION);
}

/** A grey image as a binary PGM file, which Tesseract's image library reads as it is. */
export function toPgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(image.data.buffer, image.data.byteOffset, image.width * image.height)]);
}

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

export class TesseractReader {
  private constructor(private readonly worker: TesseractWorker) {}

  static async open(langPath = chiTraFolder()): Promise<TesseractReader> {
    const { createWorker, OEM, PSM } = await import('tesseract.js');
    const worker = await createWorker('chi_tra', OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      workerPath: packageFile('tesseract.js/package.json', 'src', 'worker-script', 'node', 'index.js'),
    });
    await worker.setParameters({
      // One block of text, as the page images are; the lines are matched with Paddle's afterwards.
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      // Rendered pages carry no resolution; without one Tesseract warns and guesses.
      user_defined_dpi: '300',
    });
    return new TesseractReader(worker);
  }

  /** Every character read, with its box and confidence. */
  async read(image: GrayImage): Promise<Symbol[]> {
    const { data } = await this.worker.recognize(toPgm(image), {}, { blocks: true, text: false });
    const symbols: Symbol[] = [];
    for (const block of data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const line of paragraph.lines)
          for (const word of line.words)
            for (const s of word.symbols)
              for (const ch of s.text)
                symbols.push({ text: ch, confidence: s.confidence / 100, ...s.bbox });
    return symbols;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
