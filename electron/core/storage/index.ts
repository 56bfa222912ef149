export { DurableJSONFile, writeFileDurably } from './durableJsonFile';
export { acquireLock, releaseLock, type LockHolder, type LockResult } from './lock';
