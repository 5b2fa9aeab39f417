export { getRegion, regionNames, regionsInScope, regionsOfLevel } from './regions.repo.js'
export type { TRegionRow, TRegionNode } from './regions.repo.js'
export { regionsRoutes } from './regions.routes.js'

import type { TApiModule } from '../../platform/module.js'
import { regionsRoutes as routes } from './regions.routes.js'
export const regionsModule: TApiModule = { name: 'regions', routes }
