import sharp from 'sharp';
import { WenshiError } from '../errors';

/** sharp's own default (16383 × 16383): well above any scan or camera, far below a decompression bomb. */
export const MAX_IMAGE_PIXELS = 268_402_689;

/** Formats sharp reads here; others (HEIC) are stored as they are, without this check. */
const CHECKED = new Set(['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'image/gif']);

/**
 * Reads an image's header before the image is accepted: one that declares more pixels than any
 * real photo (a "decompression bomb", which would exhaust memory when a thumbnail is made) or that
 * cannot be read as an image at all is refused with a sentence saying why.
 */
export async function checkImage(file: string, mime: string, name: string): Promise<void> {
  if (!CHECKED.has(mime)) return;
  try {
    await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message))
      throw new WenshiError('unsupported', 'image_pixel_bomb', {
        max: MAX_IMAGE_PIXELS.toLocaleString('en-US'),
        name,
      });
    throw new WenshiError('unsupported', 'image_unreadable', { name });
  }
}
