import sharp from 'sharp';

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
 */
export async function prepareImage(
  file: string,
  placedWidth: number,
  placedHeight: number,
): Promise<Uint8Array> {
  const maxWidth = Math.ceil((placedWidth / 72) * PRINT_DPI);
  const maxHeight = Math.ceil((placedHeight / 72) * PRINT_DPI);
  const data = await sharp(file, { failOn: 'error' })
    .rotate()
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 75 })
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
