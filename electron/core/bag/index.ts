export { checkBag, parseBagInfo, writeBag, type BagCheck, type PayloadFile } from './bagit';
export { backupLibrary, type BackupResult } from './backupLibrary';
export { restoreLibrary } from './restoreLibrary';
export { mergePackage, type MergeConflict, type MergeResult } from './mergePackage';
export { backupZip, type BagZip } from './zipBag';
export { unpackZip, findBagRoot } from './unzipBag';
