// Volumes (卷) and their compilation to PDF.
import { z } from 'zod';
import { VolumeCountsSchema, VolumeFieldsSchema, VolumeSchema } from '../../core/model';

/** Titles to look at before printing: still a file name (「02-长葛发制品厂」), or repeated as the first paragraph. */
const TitleChecksSchema = z.array(
  z.object({ itemId: z.string(), title: z.string(), problems: z.array(z.enum(['fileName', 'repeated'])) }),
);
import { op, Id } from './op';

export const volumesOperations = {
  'volumes.list': op({
    summary: '列出卷',
    access: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        subtitle: z.string(),
        series: z.string(),
        articles: z.number(),
        chars: z.number(),
        updatedAt: z.string(),
      }),
    ),
  }),
  'volumes.get': op({
    summary: '查看卷',
    access: 'read',
    input: z.object({ id: Id }),
    output: z.object({ volume: VolumeSchema, counts: VolumeCountsSchema, titles: TitleChecksSchema }),
  }),
  'volumes.create': op({
    summary: '新建卷',
    access: 'write',
    input: VolumeFieldsSchema,
    output: VolumeSchema,
  }),
  'volumes.update': op({
    summary: '修改卷',
    access: 'write',
    input: z.object({ id: Id, fields: VolumeFieldsSchema }),
    output: VolumeSchema,
  }),
  'volumes.delete': op({
    summary: '删除卷',
    access: 'write',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'volumes.compile': op({
    summary: '编印 PDF',
    access: 'write',
    job: true,
    input: z.object({
      /** A saved volume; when absent, a volume of the items given (or all items, by creation). */
      volumeId: Id.optional(),
      /** Items in the order given; all items (by creation) only when omitted: an empty list is refused. */
      itemIds: z.array(Id).optional(),
      title: z.string().trim().min(1).max(200).optional(),
      /** PDF/X-4 for the print shop (with crop marks if asked), whatever the volume's page settings say. */
      pdfx: z.boolean().optional(),
      cropMarks: z.boolean().optional(),
      /**
       * 乱码 still in an article: `stop` refuses, naming the articles; `mark` prints 「□」 in place
       * of each garbled run; `asIs` prints it as it is. Left out: stop.
       */
      garbled: z.enum(['stop', 'asIs', 'mark']).optional(),
      /** Where to write the PDF (desktop and CLI only); by default the library's exports/ folder. */
      output: z.string().min(1).optional(),
    }),
    output: z.object({
      /** File name inside exports/ (for download), or the path given. */
      fileName: z.string(),
      path: z.string(),
      pages: z.number(),
      bytes: z.number(),
      articles: z.number(),
      figures: z.number(),
      characters: z.number(),
      missingGlyphs: z.array(z.object({ char: z.string(), articles: z.array(z.string()) })),
      missingImages: z.array(z.object({ file: z.string(), article: z.string() })),
      /** Figures under 300 dpi at their printed size: they print soft. */
      lowResolution: z.array(
        z.object({ article: z.string(), file: z.string(), dpi: z.number(), page: z.string() }),
      ),
      /** Figures whose paragraph was edited away: placed by their paragraph count instead. */
      movedFigures: z.array(z.object({ article: z.string(), file: z.string() })),
      script: z.object({ mode: z.enum(['keep', 'simplified', 'traditional']), changed: z.number() }),
      /** Titles still a file name, first paragraphs repeating the title (left out of print). */
      titles: TitleChecksSchema,
      /** Articles that still hold 乱码, whatever was done with it. */
      garbled: z.array(z.object({ itemId: z.string(), title: z.string(), runs: z.array(z.string()) })),
    }),
  }),
};
