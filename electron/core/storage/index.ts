export { DamagedFileError, DurableJSONFile, writeFileDurably } from './durableJsonFile';
export { acquireLock, releaseLock, type LockHolder, type LockResult } from './lock';
export { nodeStorageFs, storageError, type StorageFs, type WritableHandle } from './storageFs';
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
