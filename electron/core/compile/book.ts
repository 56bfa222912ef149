import type { PageStyleSettings } from './pageStyle';

/** What the typesetter sets: a volume with every article resolved to its printed text. */
export interface Book {
  title: string;
  subtitle: string;
  /** Who compiled it, printed on the title page: 许昌市政协文史委员会 编. */
  compiler: string;
  /** 编委会: each role with its members. */
  board: { role: string; names: string[] }[];
  /** Lines of the 版权页 (publisher, printing, edition …), printed on the title page's verso. */
  imprint: string[];
  preface?: MatterText;
  sections: BookSection[];
  afterword?: MatterText;
  /** Index of people and places, with the pages of the articles they occur in. */
  index: boolean;
  keywords: string[];
  style: PageStyleSettings;
  /** Articles start on a right-hand (odd) page. */
  recto: boolean;
  frontNumerals: 'roman' | 'chinese';
  script: 'keep' | 'simplified' | 'traditional';
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
  /** 图片说明 */
  caption: string;
  /** Share of the text width the image may take (0.3 – 1). */
  width: number;
}
