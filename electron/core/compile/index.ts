export {
  compileVolume,
  bylineOf,
  type CompileOptions,
  type CompileReport,
  type CompileFonts,
} from './compileVolume';
export type { Book, BookSection, BookArticle, BookFigure, MatterText } from './book';
export { breakLines, toUnits, squeezeBetween, type Line, type Unit } from './lineBreak';
export {
  DEFAULT_PAGE_STYLE,
  DEFAULT_PAGE_SETTINGS,
  PAGE_SIZES,
  pageStyleFrom,
  type PageStyle,
  type PageStyleSettings,
  type PageSizeName,
} from './pageStyle';
export { toRoman, toChineseNumeral } from './numerals';
