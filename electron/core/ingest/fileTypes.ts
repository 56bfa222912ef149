import path from 'node:path';
import type { ItemKind } from '../model';

interface FileType {
  kind: ItemKind;
  mime: string;
  /** How the file's text is read, if it has any. */
  text?: 'plain' | 'docx';
}

const TYPES: Record<string, FileType> = {
  '.jpg': { kind: 'photo', mime: 'image/jpeg' },
  '.jpeg': { kind: 'photo', mime: 'image/jpeg' },
  '.png': { kind: 'photo', mime: 'image/png' },
  '.tif': { kind: 'photo', mime: 'image/tiff' },
  '.tiff': { kind: 'photo', mime: 'image/tiff' },
  '.webp': { kind: 'photo', mime: 'image/webp' },
  '.heic': { kind: 'photo', mime: 'image/heic' },
  '.gif': { kind: 'photo', mime: 'image/gif' },
  '.mp3': { kind: 'oral', mime: 'audio/mpeg' },
  '.m4a': { kind: 'oral', mime: 'audio/mp4' },
  '.wav': { kind: 'oral', mime: 'audio/wav' },
  '.ogg': { kind: 'oral', mime: 'audio/ogg' },
  '.flac': { kind: 'oral', mime: 'audio/flac' },
  '.txt': { kind: 'document', mime: 'text/plain', text: 'plain' },
  '.md': { kind: 'document', mime: 'text/markdown', text: 'plain' },
  '.docx': {
    kind: 'document',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    text: 'docx',
  },
  '.pdf': { kind: 'document', mime: 'application/pdf' },
};

export function fileTypeOf(file: string): FileType | undefined {
  return TYPES[path.extname(file).toLowerCase()];
}

export const SUPPORTED_EXTENSIONS = Object.keys(TYPES);
