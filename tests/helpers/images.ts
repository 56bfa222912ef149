import { crc32 } from 'node:zlib';
import sharp, { type Exif } from 'sharp';

/** A small JPEG whose pixels depend on `seed`, so every seed gives a different file. */
export async function noiseJpeg(
  seed: number,
  width = 24,
  height = 16,
  exif?: { tags: Exif; orientation?: number },
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    pixels[i] = x >>> 24;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 });
  if (!exif) return image.toBuffer();
  // sharp writes Orientation from its own setting, not from the tags given.
  const tagged = image.withExif(exif.tags);
  return (exif.orientation ? tagged.withMetadata({ orientation: exif.orientation }) : tagged).toBuffer();
}

/** A JPEG cut off part-way, as a copy interrupted on a USB disk leaves it. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await noiseJpeg(999_999, 200, 200);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb's calling card. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  // IHDR is the first chunk: length (4) at 8, type at 12, width and height at 16 and 20, CRC after 13 data bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
