import path from 'node:path';
import { readFile } from 'node:fs/promises';
import WordExtractor from 'word-extractor';
import { cleanupText, decodeText, type MojibakeRun } from '../text';
import { PAGE_BREAK, withoutHeadingMark, type Segment } from '../model';
import { WenshiError } from '../errors';
import type { Reader } from './fileTypes';
import { parseSubtitles, segmentsFromTimedLines } from './timecodes';
import { checkZip } from './checkZip';
import { PDF_BUDGET } from './checkPdf';
import { openCheckedPdf } from './openPdf';
import { readDocxText } from './docxText';

export interface ExtractedText {
  text: string;
  /** The text before cleanup, when cleanup changed it. */
  rawText?: string;
  /** How many pinyin annotations cleanup took out. */
  pinyinRemoved: number;
  mojibake: MojibakeRun[];
  encoding?: string;
  pages?: number;
  segments?: Segment[];
  /** What a person should look at (a PDF's script, text that did not decode), for the review queue. */
  warnings?: { source: string; value: string }[];
}

/** Text files larger than this are refused: they are not transcripts or articles but something else. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export async function extractText(file: string, reader: Reader, size: number): Promise<ExtractedText> {
  // A PDF has its own budgets (see checkPdf): a scanned book is far larger than any text file.
  if (reader === 'pdf') return readPdf(file, size);
  if (size > MAX_TEXT_BYTES) throw new WenshiError('unsupported', 'text_too_large');
  switch (reader) {
    case 'docx':
      return withTimedLines(cleaned(await readDocx(file)));
    case 'doc':
      return withTimedLines(cleaned(await readDoc(file)));
    case 'subtitles': {
      const decoded = decodeText(await readFile(file));
      const { text, segments } = parseSubtitles(decoded.text);
      if (segments.length === 0) throw new WenshiError('unsupported', 'subtitles_without_timecodes');
      return { ...cleaned(text), encoding: decoded.encoding, segments, ...undecodable(decoded.replaced) };
    }
    case 'plain': {
      const decoded = decodeText(await readFile(file));
      return withTimedLines({
        ...cleaned(decoded.text.replace(/\r\n?/g, '\n')),
        encoding: decoded.encoding,
        ...undecodable(decoded.replaced),
      });
    }
    default:
      return { text: '', pinyinRemoved: 0, mojibake: [] };
  }
}

/** Characters that did not decode (a file cut short) are kept as U+FFFD and said in 待复核. */
function undecodable(count: number): Pick<ExtractedText, 'warnings'> {
  if (count === 0) return {};
  return {
    warnings: [
      {
        source: '文本有无法解码的字符',
        value: `文本中有 ${count} 处无法解码的字符，已显示为 �（文件可能不完整，请与原件核对）。`,
      },
    ],
  };
}

function cleaned(raw: string): ExtractedText {
  const { text, edits, mojibake } = cleanupText(raw);
  return { text, ...(edits.length > 0 && { rawText: raw }), pinyinRemoved: edits.length, mojibake };
}

function withTimedLines(extracted: ExtractedText): ExtractedText {
  const segments = segmentsFromTimedLines(extracted.text);
  return segments.length > 0 ? { ...extracted, segments } : extracted;
}

async function readDocx(file: string): Promise<string> {
  // A zip bomb is refused before mammoth inflates anything.
  await checkZip(file, path.basename(file));
  try {
    // Every paragraph a line; Word's heading styles come through as 小标题 marks.
    return (await readDocxText(file)).replace(/\n{2,}/g, '\n').trim();
  } catch {
    throw new WenshiError('unsupported', 'docx_damaged');
  }
}

async function readDoc(file: string): Promise<string> {
  try {
    const document = await new WordExtractor().extract(file);
    return document
      .getBody()
      .replace(/\r\n?/g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
  } catch {
    throw new WenshiError('unsupported', 'doc_damaged');
  }
}

async function readPdf(file: string, size: number): Promise<ExtractedText> {
  const { document, findings } = await openCheckedPdf(file, size);
  try {
    const deadline = Date.now() + PDF_BUDGET.seconds * 1000;
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      if (Date.now() > deadline)
        throw new WenshiError('unsupported', 'pdf_too_slow', { minutes: PDF_BUDGET.seconds / 60 });
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const part of content.items) {
        if (!('str' in part)) continue;
        text += part.str + (part.hasEOL ? '\n' : '');
      }
      pages.push(text.trim());
      page.cleanup();
    }
    // Page breaks stay in the text so a reader can show the original's pages; empty pages (scans
    // without a text layer) keep their place so page numbers match the PDF's.
    const text = pages.some((page) => page !== '') ? pages.join(PAGE_BREAK) : '';
    const warnings = findings.activeContent.length
      ? [
          {
            source: 'PDF 含有脚本',
            value: `PDF 含有脚本或自动动作（${findings.activeContent.join('、')}）：原件照存，程序从不执行；用其他阅读器打开原件时请留意。`,
          },
        ]
      : [];
    return { ...cleaned(text), pages: document.numPages, ...(warnings.length > 0 && { warnings }) };
  } finally {
    await document.destroy();
  }
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
  const firstLine = withoutHeadingMark(text.split('\n').find((line) => line.trim() !== '') ?? '').trim();
  if (firstLine.length > 0 && firstLine.length <= 40 && !/[。，,；]$/.test(firstLine)) return firstLine;
  return fileName.replace(/\.[^.]+$/, '');
}
