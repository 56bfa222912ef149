export { Catalog, type CatalogChange } from './catalog';
