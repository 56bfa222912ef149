export { foldText } from './fold';
export { isHan, countChars } from './cjk';
export {
  removePinyinAnnotations,
  cleanupText,
  type CleanupResult,
  type CleanedText,
  type CleanupEdit,
} from './cleanup';
export { detectMojibake, type MojibakeRun } from './mojibake';
export { decodeText, type DecodedText } from './decodeText';
export {
  fullWidthPunctuation,
  pairQuotes,
  joinHardWraps,
  typesetSuggestions,
  applyEdits,
  applyTypeset,
  TYPESET_KINDS,
  type TypesetKind,
  type TypesetEdit,
  type TypesetSuggestions,
  type QuoteStyle,
} from './typeset';
export { transcriptProse, isTimedTranscript, type TranscriptSpeakers } from './transcript';
