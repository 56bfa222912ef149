export { DurableJSONFile, removeFileDurably, syncFolderDurably, writeFileDurably } from './durableJsonFile';
export { acquireLock, releaseLock, type LockHolder, type LockResult } from './lock';
export { nodeStorageFs, storageError, type StorageFs, type WritableHandle } from './storageFs';
