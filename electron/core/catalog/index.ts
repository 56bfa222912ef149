export { Catalog, type CatalogChange, type ItemChange } from './catalog';
export { nextIdentifier } from './identifier';
