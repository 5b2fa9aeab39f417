export { getRegion, regionNames, regionsInScope } from './regions.repo.js'
export type { TRegionRow, TRegionNode } from './regions.repo.js'
export { regionsRoutes } from './regions.routes.js'
