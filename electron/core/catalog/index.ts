export { Catalog, type CatalogChange } from './catalog';
export { nextIdentifier } from './identifier';
export { salvageItems, QUARANTINE_FOLDER, type DamagedShard } from './salvage';
