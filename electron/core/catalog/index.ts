export { Catalog, type CatalogChange, type ItemChange } from './catalog';
export { nextIdentifier, randomHex } from './identifier';
