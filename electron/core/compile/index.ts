export {
  compileVolume,
  bylineOf,
  type CompileOptions,
  type CompileReport,
  type CompileFonts,
} from './compileVolume';
export { breakLines, toUnits, type Line, type Unit } from './lineBreak';
export { DEFAULT_PAGE_STYLE, type PageStyle } from './pageStyle';
