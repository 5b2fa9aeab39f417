export { CatalogPage } from './CatalogPage'
export { EditionPage } from './EditionPage'
export { DiffPage } from './DiffPage'
export { PrintPage } from './PrintPage'
