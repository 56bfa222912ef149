export { addPaths, type AddResult, type AddOptions, type PathReason } from './addPaths';
export { fileTypeOf, SUPPORTED_EXTENSIONS } from './fileTypes';
export { groupFiles, type PlannedFile, type PlannedItem } from './grouping';
export { derivedPaths, processPhoto, MAX_INPUT_PIXELS, THUMBNAIL_SIZE, PREVIEW_SIZE } from './photos';
export { parseSubtitles, segmentsFromTimedLines } from './timecodes';
export { reviewSuggestion, cleanupDiff, type CleanupDiff } from './review';
