export { foldText } from './fold';
export { isHan, countChars } from './cjk';
export { removePinyinAnnotations, type CleanupResult } from './cleanup';
export { decodeText, type DecodedText } from './decodeText';
