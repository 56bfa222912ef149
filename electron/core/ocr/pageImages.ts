// Pages to read from an original: each page of a photo or scan (TIFF may hold many) and each page
// of a PDF that has no text of its own, rendered with pdf.js on a canvas that npm installs.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { WenshiError } from '../errors';
import { MAX_IMAGE_PIXELS } from '../ingest/checkImage';
import { openCheckedPdf, type PdfDocument } from '../ingest/openPdf';
import type { Item } from '../model';
import type { GrayImage } from './engineTypes';

/** The originals OCR reads, by type. */
export const OCR_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/tiff', 'image/webp']);
export const OCR_PDF_TYPE = 'application/pdf';

export function canOcr(mime: string): boolean {
  return OCR_IMAGE_TYPES.has(mime) || mime === OCR_PDF_TYPE;
}

/** The files of an item that OCR reads: its photos, scans and PDFs, not a signed release form. */
export function ocrFiles(item: Item): Item['files'] {
  return item.files.filter((f) => canOcr(f.mime) && f.role !== 'release');
}

/** PDF pages are drawn at this resolution: what scans are made at, and more than the detector needs. */
const PDF_DPI = 300;
/** …but never larger than this on the longer side (a poster-sized page would take gigabytes). */
const MAX_RENDER_SIDE = 6000;

/**
 * Pages of one original, opened once: a PDF of a scanned book is hundreds of megabytes, so it is
 * kept open while its pages are read one after another.
 */
export class PageSource {
  private constructor(
    private readonly file: string,
    private readonly mime: string,
    private readonly pdf: PdfDocument | undefined,
    readonly pageCount: number,
  ) {}

  static async open(file: string, mime: string): Promise<PageSource> {
    const name = path.basename(file);
    if (mime !== OCR_PDF_TYPE) {
      const meta = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS })
        .metadata()
        .catch(() => {
          throw new WenshiError('unsupported', 'image_unreadable', { name });
        });
      return new PageSource(file, mime, undefined, meta.pages ?? 1);
    }
    const { document } = await openCheckedPdf(file, (await stat(file)).size);
    return new PageSource(file, mime, document, document.numPages);
  }

  /** Pages worth reading: every page of an image; the pages of a PDF without a text layer. */
  async pagesToRead(): Promise<number[]> {
    const all = Array.from({ length: this.pageCount }, (_, i) => i + 1);
    if (!this.pdf) return all;
    const wanted: number[] = [];
    for (const n of all) {
      const page = await this.pdf.getPage(n);
      const content = await page.getTextContent();
      if (!content.items.some((part) => 'str' in part && part.str.trim() !== '')) wanted.push(n);
      page.cleanup();
    }
    return wanted;
  }

  /** One page as grey levels, upright (EXIF orientation applied). */
  async render(pageNumber: number): Promise<GrayImage> {
    if (!this.pdf) {
      const { data, info } = await sharp(this.file, {
        limitInputPixels: MAX_IMAGE_PIXELS,
        page: pageNumber - 1,
      })
        .rotate()
        .greyscale()
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      return {
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
        width: info.width,
        height: info.height,
      };
    }
    const page = await this.pdf.getPage(pageNumber);
    try {
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(PDF_DPI / 72, MAX_RENDER_SIDE / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const { createCanvas } = await import('@napi-rs/canvas');
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: context as never, viewport }).promise;
      const rgba = context.getImageData(0, 0, width, height).data;
      const gray = new Uint8Array(width * height);
      for (let i = 0, j = 0; j < gray.length; i += 4, j++)
        gray[j] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
      return { data: gray, width, height };
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    await this.pdf?.destroy();
  }
}
