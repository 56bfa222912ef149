// Text read from page images (识别文字): lines with their boxes and confidences, kept per page.
import { z } from 'zod';

/** A box in fractions (0..1) of the page as stored, like the marks on photos. */
export const OcrBoxSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
});
export type OcrBox = z.infer<typeof OcrBoxSchema>;

export const OcrLineSchema = z.object({
  text: z.string(),
  /** Where the line sits on the page: the upright rectangle around its (possibly turned) box. */
  box: OcrBoxSchema,
  /** The line's corners in page pixels, clockwise from its top left as read: a turned page's lines are turned boxes. */
  quad: z.array(z.tuple([z.number(), z.number()])).length(4),
  /** Read top to bottom (a column of vertical text). */
  vertical: z.boolean(),
  /** How sure the recognizer was of each character, 0..1, one per character of `text`. */
  confidence: z.array(z.number().min(0).max(1)),
});
export type OcrLine = z.infer<typeof OcrLineSchema>;

/** One page as read: its lines in reading order. */
export const OcrPageSchema = z.object({
  /** The original the page belongs to (content hash) and its page number there, from 1. */
  file: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().positive(),
  /** The page image's size in pixels, as read. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Most of the page is columns of vertical text, read right to left. */
  vertical: z.boolean(),
  lines: z.array(OcrLineSchema),
  /** The recognizer that read it, so a later, better one can be told apart. */
  engine: z.string(),
  readAt: z.string(),
  /** Seconds it took, for estimates of time left. */
  seconds: z.number().nonnegative(),
});
export type OcrPage = z.infer<typeof OcrPageSchema>;

/** The page's text in reading order: a line a line. */
export function pageText(page: { lines: OcrLine[] }): string {
  return page.lines.map((line) => line.text).join('\n');
}

/** The suggestion OCR leaves on an item: its text, for a person to accept into 全文. */
export const OCR_SUGGESTION_FIELD = 'ocrText';
export const OCR_SUGGESTION_SOURCE = '识别文字';
