export {
  compileVolume,
  type CompileOptions,
  type CompileReport,
  type CompileFonts,
} from './compileVolume';
export { bylineOf } from './byline';
export type { Book, BookSection, BookArticle, BookFigure, MatterText } from './book';
export { breakLines, toUnits, type Line, type Unit } from './lineBreak';
export { DEFAULT_PAGE_SETTINGS, pageStyleFrom, type PageStyle, type PageStyleSettings } from './pageStyle';
export { toRoman, toChineseNumeral } from './numerals';
