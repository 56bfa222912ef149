import sharp from 'sharp';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { throwIfCancelled } from '../errors';
import type { JobContext } from '../jobs';

const PRINT_DPI = 300;

/** Pixel size of an image as it will stand on the page (EXIF orientation applied). */
export async function imageSize(file: string): Promise<{ width: number; height: number }> {
  const meta = await sharp(file).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = meta.width ?? 1;
  const height = meta.height ?? 1;
  return turned ? { width: height, height: width } : { width, height };
}

/**
 * Downsamples an image to at most 300 dpi at its placed size (points), upright and flattened on
 * white, as a JPEG: a scan of several thousand pixels would otherwise be embedded whole.
 *
 * The quantisation table is ImageMagick's (libjpeg's table 3), which measured a higher PSNR than
 * the standard one at the same size. `progressive` adds mozjpeg's scan optimisation: about a
 * quarter smaller on the benchmark's photos for no extra time, and read by every viewer since
 * PDF 1.3; the print-shop file stays baseline, which every RIP decodes.
 */
export async function prepareImage(
  file: string,
  placedWidth: number,
  placedHeight: number,
  options: { progressive: boolean } = { progressive: true },
): Promise<{ data: Uint8Array; width: number; height: number; channels: number }> {
  const maxWidth = Math.ceil((placedWidth / 72) * PRINT_DPI);
  const maxHeight = Math.ceil((placedHeight / 72) * PRINT_DPI);
  const data = await sharp(file, { failOn: 'error' })
    .rotate()
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 75, quantisationTable: 3, optimiseScans: options.progressive })
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.data.buffer, data.data.byteOffset, data.data.byteLength),
    width: data.info.width,
    height: data.info.height,
    channels: data.info.channels,
  };
}

/**
 * Starts preparing the placed images (key → file and placed size) and gives each its object
 * number at once, so pages can be written while sharp encodes on its own threads; `done`
 * settles when every image is in the document. Numbers are given in placement order: the same
 * volume gives the same bytes.
 */
export function startImages(
  doc: PDFDocument,
  placements: Map<string, { file: string; width: number; height: number }>,
  options: JobContext & { progressive: boolean },
): { refs: Map<string, PDFRef>; done: Promise<void> } {
  const context = doc.context;
  const refs = new Map<string, PDFRef>();
  for (const key of placements.keys()) refs.set(key, context.nextRef());
  const queue = [...placements];
  let prepared = 0;
  // A few images at once keep both cores of a laptop busy.
  const done = Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        throwIfCancelled(options.signal);
        const [key, op] = next;
        const image = await prepareImage(op.file, op.width, op.height, options);
        const gray = image.channels < 3;
        const stream = context.stream(image.data, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: image.width,
          Height: image.height,
          BitsPerComponent: 8,
          ColorSpace: gray ? 'DeviceGray' : 'DeviceRGB',
          Filter: 'DCTDecode',
        });
        context.assign(refs.get(key)!, stream);
        prepared++;
        options.onProgress?.({ phase: 'images', done: prepared, total: placements.size });
      }
    }),
  ).then(() => undefined);
  // Awaited after the pages are written; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return { refs, done };
}
