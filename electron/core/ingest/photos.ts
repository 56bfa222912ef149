import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import { WenshiError } from '../errors';
import { derivedPaths, PREVIEW_SIZE, THUMBNAIL_SIZE } from '../library';
import { tempPathFor } from '../storage';

/** sharp's own default: about 16,384 × 16,384. Larger claims are decompression bombs, not photos. */
export const MAX_INPUT_PIXELS = 268_402_689;

export interface PhotoSuggestion {
  field: string;
  value: unknown;
  source: string;
}

export interface PhotoInfo {
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
  suggestions: PhotoSuggestion[];
}

/**
 * Reads a photo, checks it is whole and not a decompression bomb, and writes its preview and
 * thumbnail (EXIF orientation applied). Throws a sentence naming what is wrong.
 */
export async function processPhoto(file: string, sha256: string, libraryRoot: string): Promise<PhotoInfo> {
  // The header alone, unlimited, to say how large a refused image claims to be.
  const header = await sharp(file, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new WenshiError('unsupported', 'image_unrecognized');
    });
  const pixels = (header.width ?? 0) * (header.height ?? 0);
  if (pixels > MAX_INPUT_PIXELS)
    throw new WenshiError('unsupported', 'image_too_large', { width: header.width, height: header.height });

  await makeDerivatives(file, sha256, libraryRoot);

  const turned = (header.orientation ?? 1) >= 5;
  return {
    width: (turned ? header.height : header.width)!,
    height: (turned ? header.width : header.height)!,
    suggestions: await exifSuggestions(file),
  };
}

/**
 * Writes an image's 1600 px preview and 256 px thumbnail to `derived/` (EXIF orientation applied):
 * at import, and again by `verify --repair` when they are missing.
 */
export async function makeDerivatives(file: string, sha256: string, libraryRoot: string): Promise<void> {
  const target = derivedPaths(libraryRoot, sha256);
  await mkdir(path.dirname(target.preview), { recursive: true });
  let preview: Buffer;
  try {
    // One full decode: the thumbnail is made from the preview, not from the original again.
    preview = await sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
      // JPEG, not WebP: at 1600 px WebP encoding took three times as long (see bench:ingest).
      .jpeg({ quality: 82 })
      .toBuffer();
  } catch {
    // The header was read, so the failure is in the image data. (libvips' message is shared
    // between threads and often arrives as "Unknown error" when images decode side by side.)
    throw new WenshiError('unsupported', 'image_truncated');
  }
  const thumbnail = await sharp(preview)
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  await writeAtomically(target.preview, preview);
  await writeAtomically(target.thumbnail, thumbnail);
}

/** Removes an image's preview and thumbnail: its import failed after they were made. */
export async function discardDerivatives(sha256: string, libraryRoot: string): Promise<void> {
  const target = derivedPaths(libraryRoot, sha256);
  for (const file of [target.preview, target.thumbnail]) await unlink(file).catch(() => undefined);
}

/** A derived file is regenerable, but a half-written one must never be mistaken for a whole one. */
async function writeAtomically(target: string, data: Buffer): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * EXIF date taken, camera and GPS position, as suggestions a person accepts or not: cameras with
 * unset clocks are common, so nothing here goes into the catalog fields by itself.
 */
async function exifSuggestions(file: string): Promise<PhotoSuggestion[]> {
  let exif: Record<string, unknown> | undefined;
  try {
    exif = await exifr.parse(file, {
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'Make',
        'Model',
        'GPSLatitude',
        'GPSLongitude',
        'GPSLatitudeRef',
        'GPSLongitudeRef',
      ],
      gps: true,
    });
  } catch {
    return []; // Unreadable EXIF costs the suggestions, not the photo.
  }
  if (!exif) return [];
  const suggestions: PhotoSuggestion[] = [];
  const taken = exif.DateTimeOriginal ?? exif.CreateDate;
  // exifr reads EXIF's zone-less time as local time; the local calendar date is what the camera showed.
  if (taken instanceof Date && !Number.isNaN(taken.getTime()))
    suggestions.push({
      field: 'createdDate',
      value: `${taken.getFullYear()}-${pad(taken.getMonth() + 1)}-${pad(taken.getDate())}`,
      source: 'EXIF 拍摄时间',
    });
  const make = typeof exif.Make === 'string' ? exif.Make.trim() : '';
  const model = typeof exif.Model === 'string' ? exif.Model.trim() : '';
  const camera = model.startsWith(make) ? model : [make, model].filter(Boolean).join(' ');
  if (camera) suggestions.push({ field: 'photo.camera', value: camera, source: 'EXIF 相机' });
  const { latitude, longitude } = exif as { latitude?: number; longitude?: number };
  if (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude + longitude)
  ) {
    const lat = `${latitude >= 0 ? '北纬' : '南纬'} ${Math.abs(latitude).toFixed(5)}°`;
    const lon = `${longitude >= 0 ? '东经' : '西经'} ${Math.abs(longitude).toFixed(5)}°`;
    suggestions.push({ field: 'places', value: `${lat}，${lon}`, source: 'EXIF GPS 位置' });
  }
  return suggestions;
}
