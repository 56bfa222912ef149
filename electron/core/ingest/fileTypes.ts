import path from 'node:path';
import type { ItemKind } from '../model';

/** How a file's content is read. */
export type Reader = 'image' | 'audio' | 'plain' | 'docx' | 'doc' | 'pdf' | 'subtitles';

interface FileType {
  kind: ItemKind;
  mime: string;
  reader: Reader;
}

const WORDPROCESSING = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const TYPES: Record<string, FileType> = {
  '.jpg': { kind: 'photo', mime: 'image/jpeg', reader: 'image' },
  '.jpeg': { kind: 'photo', mime: 'image/jpeg', reader: 'image' },
  '.png': { kind: 'photo', mime: 'image/png', reader: 'image' },
  '.tif': { kind: 'photo', mime: 'image/tiff', reader: 'image' },
  '.tiff': { kind: 'photo', mime: 'image/tiff', reader: 'image' },
  '.webp': { kind: 'photo', mime: 'image/webp', reader: 'image' },
  '.heic': { kind: 'photo', mime: 'image/heic', reader: 'image' },
  '.gif': { kind: 'photo', mime: 'image/gif', reader: 'image' },
  '.mp3': { kind: 'oral', mime: 'audio/mpeg', reader: 'audio' },
  '.m4a': { kind: 'oral', mime: 'audio/mp4', reader: 'audio' },
  '.wav': { kind: 'oral', mime: 'audio/wav', reader: 'audio' },
  '.ogg': { kind: 'oral', mime: 'audio/ogg', reader: 'audio' },
  '.flac': { kind: 'oral', mime: 'audio/flac', reader: 'audio' },
  '.srt': { kind: 'oral', mime: 'application/x-subrip', reader: 'subtitles' },
  '.vtt': { kind: 'oral', mime: 'text/vtt', reader: 'subtitles' },
  '.txt': { kind: 'document', mime: 'text/plain', reader: 'plain' },
  '.md': { kind: 'document', mime: 'text/markdown', reader: 'plain' },
  '.docx': { kind: 'document', mime: WORDPROCESSING, reader: 'docx' },
  '.doc': { kind: 'document', mime: 'application/msword', reader: 'doc' },
  '.pdf': { kind: 'document', mime: 'application/pdf', reader: 'pdf' },
};

export function fileTypeOf(file: string): FileType | undefined {
  return TYPES[path.extname(file).toLowerCase()];
}

/** Files that can be the transcript of a recording with the same name. */
export function isTranscript(file: string): boolean {
  const reader = fileTypeOf(file)?.reader;
  return reader === 'plain' || reader === 'docx' || reader === 'doc' || reader === 'subtitles';
}

export const SUPPORTED_EXTENSIONS = Object.keys(TYPES);
