import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { decodeText, removePinyinAnnotations } from '../text';
import { WenshiError } from '../errors';
import { checkZip } from './checkZip';

export interface ExtractedText {
  text: string;
  /** The text before cleanup, when cleanup changed it. */
  rawText?: string;
  encoding?: string;
}

/** Plain-text files larger than this are refused: they are not transcripts but something else. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export async function extractText(
  file: string,
  how: 'plain' | 'docx',
  size: number,
  name: string,
): Promise<ExtractedText> {
  if (size > MAX_TEXT_BYTES) throw new WenshiError('unsupported', '文本文件超过 64 MB，无法作为全文读取');
  if (how === 'docx') {
    await checkZip(file, name);
    try {
      const { value } = await mammoth.extractRawText({ path: file });
      return cleaned(value.replace(/\n{2,}/g, '\n').trim());
    } catch {
      throw new WenshiError('unsupported', 'Word 文件已损坏或不是 .docx 格式，无法读取正文');
    }
  }
  const decoded = decodeText(await readFile(file));
  return { ...cleaned(decoded.text.replace(/\r\n?/g, '\n')), encoding: decoded.encoding };
}

function cleaned(raw: string): ExtractedText {
  const { text, pinyinRemoved } = removePinyinAnnotations(raw);
  return pinyinRemoved > 0 ? { text, rawText: raw } : { text };
}

/**
 * Control characters and bidirectional overrides: a title holding them could rewrite a terminal
 * line or show a file name reversed. The original name is kept, unchanged, with the file.
 */
// eslint-disable-next-line no-control-regex -- these are exactly what is removed
const UNSAFE_IN_TITLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A short first line reads as a title; otherwise the file name is the better title. */
export function titleFrom(text: string, fileName: string): string {
  return pickTitle(text, fileName).replace(UNSAFE_IN_TITLE, '').trim().slice(0, 500) || '未命名';
}

function pickTitle(text: string, fileName: string): string {
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (firstLine.length > 0 && firstLine.length <= 40 && !/[。，,；]$/.test(firstLine)) return firstLine;
  return fileName.replace(/\.[^.]+$/, '');
}
