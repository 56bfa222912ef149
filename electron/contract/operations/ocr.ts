// 识别文字: reading the text of page images (photos, scans, PDF pages without text) offline.
import { z } from 'zod';
import { OcrPageSchema } from '../../core/model';
import { Id, op } from './op';

export const OcrItemResultSchema = z.object({
  id: z.string(),
  /** Pages read in this call. */
  read: z.number(),
  /** Pages read by an earlier run and kept (a killed or cancelled run resumes after them). */
  kept: z.number(),
  failed: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** The text read now waits in the item's 待复核 as a suggestion; the item's text is unchanged. */
  suggested: z.boolean(),
});

/** What a run did, item by item. */
export const OcrRunOutput = z.object({ items: z.array(OcrItemResultSchema), pagesRead: z.number() });

export const ocrOperations = {
  'ocr.run': op({
    summary: '识别文字',
    access: 'write',
    job: true,
    /** No ids: every item with a photo, scan or PDF among its originals. */
    input: z.object({ ids: z.array(Id).max(10_000).default([]) }),
    output: OcrRunOutput,
  }),
  'ocr.pages': op({
    summary: '识别结果（逐页的行、位置与置信度）',
    access: 'read',
    input: z.object({ id: Id }),
    output: z.object({ pages: z.array(OcrPageSchema) }),
  }),
  'ocr.pageImage': op({
    summary: '识别页的图像（校对用）',
    access: 'read',
    /** A page of one of the item's originals, as OCR read it (a PDF page is drawn, a photo turned upright). */
    input: z.object({
      id: Id,
      file: z.string().regex(/^[0-9a-f]{64}$/),
      page: z.number().int().positive(),
    }),
    /** A JPEG data URL, small enough for the screen; the line boxes are fractions of it. */
    output: z.object({ image: z.string(), width: z.number(), height: z.number() }),
  }),
};
