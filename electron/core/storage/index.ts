export {
  DamagedFileError,
  DurableJSONFile,
  removeFileDurably,
  syncFolderDurably,
  writeFileDurably,
} from './durableJsonFile';
export { acquireLock, liveHolder, releaseLock, type LockHolder, type LockResult } from './lock';
export { currentBootId, processStart } from './processIdentity';
export {
  bytesShort,
  isDiskFull,
  megabytes,
  nodeStorageFs,
  storageError,
  type StorageFs,
  type WritableHandle,
} from './storageFs';
export {
  tempPathFor,
  parseTempName,
  isTempName,
  isLeftover,
  findTempFiles,
  removeLeftoverTempFiles,
  TEMP_GRACE_MS,
  type TempFile,
} from './tempFiles';
