export { addPaths, type AddResult, type AddOptions, type PathReason } from './addPaths';
export { fileTypeOf, SUPPORTED_EXTENSIONS } from './fileTypes';
export { groupFiles, type PlannedFile, type PlannedItem } from './grouping';
export { processPhoto, MAX_INPUT_PIXELS } from './photos';
export { parseSubtitles, segmentsFromTimedLines } from './timecodes';
export { reviewSuggestion, cleanupDiff, type CleanupDiff } from './review';
export { offerTypeset, typesetSuggestionsFor, type TypesetSuggestionValue } from './typesetReview';
