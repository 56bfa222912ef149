import { WenshiError } from '../errors';

/** Seconds of recording, read from the file's headers (and frames, where headers do not say). */
export async function audioDuration(file: string): Promise<number | undefined> {
  // Loaded on first use: most imports have no audio.
  const { parseFile } = await import('music-metadata');
  try {
    const { format } = await parseFile(file, { duration: true, skipCovers: true });
    return format.duration !== undefined && Number.isFinite(format.duration)
      ? Math.round(format.duration * 1000) / 1000
      : undefined;
  } catch {
    throw new WenshiError('unsupported', 'audio_damaged');
  }
}
