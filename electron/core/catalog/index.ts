export { Catalog, type CatalogChange } from './catalog';
export { nextIdentifier } from './identifier';
