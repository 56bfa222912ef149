export { Library, type LibraryOptions } from './library';
export {
  LIBRARY_FORMAT_VERSION,
  LIBRARY_SUBFOLDERS,
  LibrarySettingsSchema,
  type LibraryInfo,
  type LibrarySettings,
} from './libraryInfo';
export {
  SavedSearchSchema,
  SAVED_SEARCH_NAME_MAX,
  runnable,
  type SavedSearch,
  type SavedSearchInput,
  type RunnableSearch,
} from './savedSearches';
export { FileStore, hashFile } from './fileStore';
export { AuditLog, diffFields, type AuditEntry, type AuditChange } from './auditLog';
export { derivedPaths, THUMBNAIL_SIZE, PREVIEW_SIZE, type DerivedPaths } from './derived';
export { LibraryFollower, type FollowOptions, type FollowUpdate } from './follow';
