export { comparableText } from './signature';
export { DuplicateIndex, duplicateIndexOf, NEAR_SIMILARITY, type DuplicateMatch } from './duplicateIndex';
export { sideBySide, type DiffRow } from './lineDiff';
export {
  DUPLICATE_FIELD,
  checkLibraryForDuplicates,
  compareDuplicate,
  dismissDuplicate,
  duplicateSuggestions,
  flagDuplicates,
  mergeDuplicate,
  type DuplicateComparison,
  type DuplicateSuggestionValue,
} from './review';
