import { z } from 'zod';
import { coreSentence } from './sentences';

/** Trims the editors choose from (see core/compile PAGE_SIZES for the millimetres). */
export const PAGE_SIZE_NAMES = ['16k', 'large-16k', 'a4', 'a5', '32k'] as const;
export const SCRIPT_MODES = ['keep', 'simplified', 'traditional'] as const;
export const FIGURE_LAYOUTS = ['full', 'half'] as const;

export const PageSettingsSchema = z.object({
  size: z.enum(PAGE_SIZE_NAMES).default('16k'),
  /** Millimetres. */
  marginTop: z.number().min(5).max(60).default(24),
  marginBottom: z.number().min(5).max(60).default(22),
  marginInner: z.number().min(5).max(60).default(20),
  marginOuter: z.number().min(5).max(60).default(18),
  /** Added to the inner margin for the binding. */
  gutter: z.number().min(0).max(30).default(2),
  /** Points: 五号 10.5, 小四 12, 小五 9. */
  bodySize: z.number().min(7).max(16).default(10.5),
  /** Baseline distance as a multiple of the body size. */
  leading: z.number().min(1.2).max(3).default(1.75),
  /** Every article starts on a right-hand page. */
  recto: z.boolean().default(false),
  frontNumerals: z.enum(['roman', 'chinese']).default('roman'),
  /** Keep each article's script, or print the whole volume in one. */
  script: z.enum(SCRIPT_MODES).default('keep'),
  /** PDF/X-4 for the print shop: trim and 3 mm bleed boxes, an output intent, XMP. */
  pdfx: z.boolean().default(false),
  /** Crop marks outside the bleed (only with pdfx). */
  cropMarks: z.boolean().default(false),
  /** The 目录 lists each article's level-1 小标题 under its title. */
  tocHeadings: z.boolean().default(false),
  /** Closing blanks pad the page count to a multiple of 4 (a folded sheet) or 2. */
  padTo: z.union([z.literal(2), z.literal(4)]).default(4),
});
export type PageSettings = z.infer<typeof PageSettingsSchema>;

export const FigureEntrySchema = z.object({
  /** A photo item of the catalog … */
  itemId: z.string().optional(),
  /** … or an image file attached to the article's item (by content hash). */
  sha256: z.string().optional(),
  /** Replaces the photo's 图片说明 and its 左起 line in this volume only (lines apart by \n). */
  caption: z.string().max(2000).optional(),
  /** Share of the text width (0.3 – 1). */
  width: z.number().min(0.3).max(1).default(1),
  /** Full width between paragraphs (also when absent), or half width with the text running beside it. */
  layout: z.enum(FIGURE_LAYOUTS).optional(),
  /**
   * Where in the article: after this many of its paragraphs (0: before the first), and the opening
   * of that paragraph (`quote`), which finds it again when the text above is edited (see
   * model/figures). A figure without `after` (volumes made before anchors) is spread through the text.
   */
  after: z.number().int().min(0).optional(),
  quote: z.string().max(40).optional(),
});
export type FigureEntry = z.infer<typeof FigureEntrySchema>;

/** An article is a catalog item; what the volume changes about it lives here, never in the item. */
export const ArticleEntrySchema = z.object({
  itemId: z.string().min(1),
  title: z.string().optional(),
  byline: z.string().optional(),
  /** The edited text for this volume; the item's text when absent. */
  text: z.string().optional(),
  /** 编者按 */
  editorNote: z.string().default(''),
  figures: z.array(FigureEntrySchema).default([]),
  /** May also appear in other volumes of the same series. */
  shared: z.boolean().default(false),
});
export type ArticleEntry = z.infer<typeof ArticleEntrySchema>;

export const SectionSchema = z.object({
  id: z.string().min(1),
  /** 栏目 */
  title: z.string().default(''),
  articles: z.array(ArticleEntrySchema).default([]),
});
export type Section = z.infer<typeof SectionSchema>;

/** 版本记录 (GB/T 12450) fields an editor fills in; 开本, 印张 and 字数 are worked out when compiling. */
export const CopyrightSchema = z.object({
  publisher: z.string().trim().max(200).default(''),
  printer: z.string().trim().max(200).default(''),
  /** 版次: 2024年5月第1版 */
  edition: z.string().trim().max(100).default(''),
  /** 印次: 2024年5月第1次印刷 */
  impression: z.string().trim().max(100).default(''),
  /** 书号 (ISBN or 准印证号) */
  isbn: z.string().trim().max(100).default(''),
  /** 图书在版编目（CIP）数据, line by line. */
  cip: z.array(z.string()).default([]),
});
export type Copyright = z.infer<typeof CopyrightSchema>;

const matter = (title: string) =>
  z.object({ title: z.string().default(title), text: z.string().default('') }).default({ title, text: '' });

export const VolumeFieldsSchema = z.object({
  title: z.string().trim().min(1, coreSentence('book_title_empty')).max(200),
  subtitle: z.string().trim().max(200).default(''),
  /** 丛书: an article belongs to one volume of a series unless marked shared. */
  series: z.string().trim().max(200).default(''),
  /** Printed on the title page: 许昌市政协文史资料委员会 编. */
  compiler: z.string().trim().max(200).default(''),
  /** 编委会 */
  board: z
    .array(z.object({ role: z.string().trim().min(1), names: z.array(z.string().trim().min(1)) }))
    .default([]),
  /** 版权页 fields. */
  copyright: CopyrightSchema.default(() => CopyrightSchema.parse({})),
  /** Further 版权页 lines, after the fields (内部资料、免费交流 …). */
  imprint: z.array(z.string()).default([]),
  keywords: z.array(z.string().trim().min(1)).default([]),
  preface: matter('前言'),
  afterword: matter('后记'),
  /** Print an index of people and places. */
  index: z.boolean().default(false),
  sections: z.array(SectionSchema).default([]),
  page: PageSettingsSchema.default(() => PageSettingsSchema.parse({})),
});
export type VolumeFields = z.infer<typeof VolumeFieldsSchema>;
export type VolumeFieldsInput = z.input<typeof VolumeFieldsSchema>;

export const VolumeSchema = VolumeFieldsSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Volume = z.infer<typeof VolumeSchema>;

/** Word counts the Chinese way (characters, not spaces) of each article, section and the volume. */
export const VolumeCountsSchema = z.object({
  total: z.number(),
  sections: z.array(
    z.object({
      id: z.string(),
      chars: z.number(),
      articles: z.array(z.object({ itemId: z.string(), title: z.string(), chars: z.number() })),
    }),
  ),
});
export type VolumeCounts = z.infer<typeof VolumeCountsSchema>;
