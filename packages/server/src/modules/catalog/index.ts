/**
 * What other modules may use from the catalog module (服务清单). Import this file only.
 * itemInForce / itemsInForce: the list in force on a date for a region (orders price by it).
 * Event: catalog.edition_published ({ editionId, regionCode, effectiveDate, versionLabel }).
 */
import type { TApiModule } from '../../platform/module.js'
import { catalogRoutes } from './catalog.routes.js'
import { seedCatalog } from './seed-catalog.js'

export { catalogEvents } from '@yiyang/core'
export { itemInForce, itemsInForce, type TItemInForce } from './items-in-force.js'

export const catalogModule: TApiModule = { name: 'catalog', routes: catalogRoutes, seed: seedCatalog }
