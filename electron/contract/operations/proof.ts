// Word proofs (校样): a volume exported to .docx, and a copy proofed with track changes read back.
import { z } from 'zod';
import { ItemSchema } from '../../core/model';
import { op, Id } from './op';

export const ProofChangeSchema = z.object({
  /** The line of the item's text (its paragraphs are its lines). */
  paragraph: z.number().int().min(0),
  before: z.string(),
  /** Empty: the paragraph was deleted; with line breaks: split into several. */
  after: z.string(),
});

export const proofOperations = {
  'volumes.exportDocx': op({
    summary: '导出 Word 校样',
    access: 'write',
    input: z.object({
      /** A saved volume; when absent, the items given, in order. */
      volumeId: Id.optional(),
      itemIds: z.array(Id).optional(),
      title: z.string().trim().min(1).max(200).optional(),
      /** Desktop and CLI only; by default the library's exports/ folder. */
      output: z.string().min(1).optional(),
    }),
    output: z.object({ fileName: z.string(), path: z.string(), bytes: z.number(), articles: z.number() }),
  }),
  'items.proofDiff': op({
    summary: '读回 Word 校样',
    access: 'write',
    input: z.object({
      /** Only this item's changes; all the proof's items when absent. */
      id: Id.optional(),
      /** A .docx on this computer (desktop and CLI). */
      path: z.string().min(1).optional(),
      /** A .docx the browser uploaded to this batch; the upload is removed once read. */
      batchId: z
        .string()
        .regex(/^[a-z0-9-]{8,64}$/, '上传批次编号无效')
        .optional(),
    }),
    output: z.object({
      articles: z.array(
        z.object({
          itemId: z.string(),
          title: z.string(),
          /** The item's text with every change accepted. */
          text: z.string(),
          changes: z.array(ProofChangeSchema),
        }),
      ),
      /** Items the proof names that are no longer in the catalog. */
      missing: z.array(z.string()),
    }),
  }),
  'items.applyProof': op({
    summary: '采纳 Word 校样的修改',
    access: 'write',
    input: z.object({ id: Id, changes: z.array(ProofChangeSchema).min(1) }),
    output: ItemSchema,
  }),
};
