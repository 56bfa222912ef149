import type { PageStyleSettings } from './pageStyle';

/** What the typesetter sets: a volume with every article resolved to its printed text. */
export interface Book {
  title: string;
  subtitle: string;
  /** Who compiled it, printed on the title page: 许昌市政协文史委员会 编. */
  compiler: string;
  /** 编委会: each role with its members. */
  board: { role: string; names: string[] }[];
  /** Further lines of the 版权页, printed after the recorded ones (a printing note, 内部资料 …). */
  imprint: string[];
  /** The 版权页 (版本记录) fields editors fill in; 开本, 印张 and 字数 are worked out. */
  copyright?: BookCopyright;
  /** Names the index looks for in the text, besides the people and places of the articles. */
  indexTerms?: { people: string[]; places: string[] };
  /** Output for a print shop: PDF/X-4, bleed, crop marks; the page count padded to a signature. */
  print?: PrintSettings;
  preface?: MatterText;
  sections: BookSection[];
  afterword?: MatterText;
  /** Index of people and places, with the pages of the articles they occur in. */
  index: boolean;
  keywords: string[];
  style: PageStyleSettings;
  /** The 目录 lists each article's level-1 小标题 under it. */
  tocHeadings?: boolean;
  /** Articles start on a right-hand (odd) page. */
  recto: boolean;
  frontNumerals: 'roman' | 'chinese';
  script: 'keep' | 'simplified' | 'traditional';
}

/** 版本记录 after GB/T 12450: what is not worked out from the book itself. */
export interface BookCopyright {
  /** 出版者: 许昌市政协文史资料委员会 */
  publisher: string;
  /** 印刷者 (印制): 许昌市某某印刷有限公司 */
  printer: string;
  /** 版次: 2024年5月第1版 */
  edition: string;
  /** 印次: 2024年5月第1次印刷 */
  impression: string;
  /** 书号 (ISBN or 准印证号); printed only when given. */
  isbn: string;
  /** 图书在版编目（CIP）数据, line by line; printed at the top of the page when given. */
  cip: string[];
}

export interface PrintSettings {
  /** PDF/X-4 with TrimBox, 3 mm BleedBox and an sRGB output intent. */
  pdfx: boolean;
  /** Crop marks outside the bleed (the page grows to hold them). */
  cropMarks: boolean;
  /** Pad the page count with closing blanks to a multiple of this: 4 (a folded sheet) or 2. */
  padTo: 2 | 4;
}

export interface MatterText {
  title: string;
  text: string;
}

export interface BookSection {
  /** Empty: the articles stand alone, without a section opener. */
  title: string;
  articles: BookArticle[];
}

export interface BookArticle {
  /** The catalog item it is set from (a Word proof is matched back by it). */
  itemId?: string;
  title: string;
  byline: string;
  /** 编者按, printed before the text. */
  editorNote: string;
  /** Paragraphs separated by line breaks. */
  text: string;
  figures: BookFigure[];
  people: string[];
  places: string[];
}

export interface BookFigure {
  /** An image file on disk. */
  path: string;
  /** 图片说明; a line break starts a new caption line (the 左起 line). */
  caption: string;
  /** Share of the text width the image may take (0.3 – 1). */
  width: number;
  /** Full width between paragraphs (default), or half width with the text beside it. */
  layout?: 'full' | 'half';
  /** Paragraphs of the article's text before it; without it figures are spread through the text. */
  after?: number;
  /** The opening of the paragraph it follows, which finds that paragraph again in an edited text. */
  quote?: string;
  /** What the compile report calls it: the file's name. */
  name?: string;
}
