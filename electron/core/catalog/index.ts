export { Catalog, type CatalogChange, type ItemChange } from './catalog';
export { nextIdentifier, randomHex } from './identifier';
export { salvageItems, QUARANTINE_FOLDER, type DamagedShard } from './salvage';
