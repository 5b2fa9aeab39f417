import type { TApiModule } from '../../platform/module.js'
import { serviceCircleRoutes } from './service-circle.routes.js'

/**
 * The map context and the 15-minute service circle (issue 20 items 2 and 5), in the dispatch
 * module's folder but registered on their own so they do not wait for the plan routes.
 */
export const serviceCircleModule: TApiModule = { name: 'service-circle', routes: serviceCircleRoutes }
